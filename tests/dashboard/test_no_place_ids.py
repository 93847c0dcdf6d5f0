"""No place of the catalogue is named in code, styles or texts: every pair comes from the data alone."""
import csv
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SUFFIXES = {".py", ".css", ".js", ".yaml", ".json", ".html"}


def test_no_place_id_in_dashboard_or_assets():
    with (ROOT / "data" / "reference" / "places.csv").open(encoding="utf-8") as handle:
        ids = [row["id"] for row in csv.DictReader(handle)]
    assert "essen" in ids and len(ids) > 2
    pattern = re.compile(r"(?<![A-Za-z0-9_])(" + "|".join(map(re.escape, ids)) + r")(?![A-Za-z0-9_])")
    found = []
    for folder in (ROOT / "dashboard", ROOT / "assets"):
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix in SUFFIXES:
                for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                    found += [f"{path.relative_to(ROOT)}:{number}: {m.group(1)}" for m in pattern.finditer(line)]
    assert not found, "place ids in code or texts:\n" + "\n".join(found)
