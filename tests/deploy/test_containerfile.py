"""deploy/Containerfile (not buildable here: no registry) — what can be checked without building it."""
import re
import runpy
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TEXT = (ROOT / "deploy" / "Containerfile").read_text(encoding="utf-8")


def instructions(name: str) -> list[str]:
    return [m.group(1) for m in re.finditer(rf"^{name}\s+(.+)$", TEXT, re.MULTILINE)]


def test_runs_as_a_non_root_user_with_the_data_folder_as_a_volume():
    assert instructions("USER") == ["twincity"]
    assert instructions("VOLUME") == ['["/data"]']
    assert "TWINCITY_PUBLISHED=/data/published" in TEXT and "chmod -R a-w /app" in TEXT


def test_base_image_is_python_slim_pinned_by_a_digest_placeholder_documented_in_the_readme():
    assert re.search(r"python:3\.11-slim-bookworm@sha256:0{64}", TEXT)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "sha256:0000" in readme and "not built" in readme.lower()


def test_pdf_exports_have_chromium_and_a_cjk_font():
    assert "chromium" in TEXT and "fonts-noto-cjk" in TEXT and "CHROMIUM=/usr/bin/chromium" in TEXT


def test_every_copied_path_exists():
    for args in instructions("COPY"):
        for source in args.split()[:-1]:
            assert (ROOT / source).exists(), source


def test_workers_come_from_the_setting(monkeypatch):
    assert "gunicorn.conf.py" in instructions("CMD")[0]
    monkeypatch.setenv("TWINCITY_WORKERS", "5")
    settings = runpy.run_path(str(ROOT / "deploy" / "gunicorn.conf.py"))
    assert settings["workers"] == 5 and settings["worker_tmp_dir"] == "/dev/shm"
    monkeypatch.delenv("TWINCITY_WORKERS")
    assert runpy.run_path(str(ROOT / "deploy" / "gunicorn.conf.py"))["workers"] == 3
