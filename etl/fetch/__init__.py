"""``twincity etl fetch``: download new snapshots of the sources that declare a ``fetch:`` section.

One module per service (:mod:`genesis`, :mod:`ecb`, :mod:`worldbank`, :mod:`estat`,
:mod:`boundaries`), one HTTP client (:mod:`http`), settings from the environment only
(:mod:`settings`); :mod:`snapshots` stages, compares and swaps the source folders.
"""
