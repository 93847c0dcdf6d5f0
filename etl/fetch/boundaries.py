"""placeholder"""
SERVICE = "boundaries"


def label(spec):
    return SERVICE


def fetch(spec, dest, progress=None):
    raise NotImplementedError
