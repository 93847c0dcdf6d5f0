"""The README documents what exists: every environment setting, every command and option of `twincity`,
every page, and a module map that matches the tree (datasette's habit: undocumented means failing)."""
from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from dashboard.settings import DashboardSettings
from etl.cli import main
from etl.settings import EtlSettings

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
PACKAGES = ("etl", "dashboard")


def env_names(settings_class) -> set[str]:
    names = set()
    for name, info in settings_class.model_fields.items():
        aliases = getattr(info.validation_alias, "choices", None) or []
        names |= {a for a in aliases if a.startswith("TWINCITY_")} or {f"TWINCITY_{name.upper()}"}
    return names


SETTINGS = env_names(EtlSettings) | env_names(DashboardSettings)


def commands(group: click.Group, prefix: str = "twincity"):
    for name, command in sorted(group.commands.items()):
        path = f"{prefix} {name}"
        yield path, command
        if isinstance(command, click.Group):
            yield from commands(command, path)


@pytest.mark.parametrize("name", sorted(SETTINGS))
def test_every_setting_is_in_the_readme(name):
    assert f"| `{name}` |" in README, f"{name} is missing from the README's settings table"


def test_every_environment_variable_the_code_reads_is_a_declared_setting():
    used = set()
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            used |= set(re.findall(r"TWINCITY_[A-Z_]+\b", path.read_text(encoding="utf-8")))
    prefixes = {name for name in used if any(s.startswith(name + "_") for s in SETTINGS)}  # "TWINCITY_GENESIS" + "_USER"
    assert used - prefixes <= SETTINGS, f"undeclared settings: {sorted(used - prefixes - SETTINGS)}"


def test_every_command_and_option_has_help_and_is_in_the_readme():
    seen = []
    for path, command in commands(main):
        seen.append(path)
        assert command.help or command.short_help, f"{path} has no help text"
        if isinstance(command, click.Group):
            continue
        assert f"`{path}" in README, f"{path} is missing from the README"
        table_row = next(line for line in README.splitlines() if line.startswith(f"| `{path}"))
        for option in command.params:
            if isinstance(option, click.Option):
                assert option.help, f"{path} {option.opts[0]} has no help text"
                assert any(o in table_row for o in option.opts), f"{path} {option.opts[0]} is not in the README"
    assert {"twincity serve", "twincity export", "twincity etl run"} <= set(seen)


def test_every_page_is_in_the_readme():
    pages = [p.stem for p in (ROOT / "dashboard" / "pages").glob("*.py")
             if p.stem != "__init__" and not p.stem.startswith("not_found")]
    section = README.split("## Pages", 1)[1].split("\n## ", 1)[0]
    missing = [page for page in pages if f"| `{page}` |" not in section and f"| `{page}/" not in section]
    assert not missing, f"pages missing from the README's table: {missing}"


def module_map() -> tuple[set[str], set[str]]:
    """(files, folders covered by a ``<name>.py`` placeholder) listed in the README's module map."""
    block = README.split("### Module map", 1)[1].split("```", 2)[1]
    stack: list[str] = []
    files, covered = set(), set()
    for line in block.splitlines():
        if not line.strip():
            continue
        indent = (len(line) - len(line.lstrip(" "))) // 2
        entry = line.strip().split()[0]
        stack = stack[:indent]
        if entry.endswith("/"):
            stack.append(entry.rstrip("/"))
            continue
        folder, _, name = "/".join([*stack, entry]).rpartition("/")
        if name.startswith("<"):
            covered.add(folder)
        else:
            files.add(f"{folder}/{name}")
    return files, covered


def test_module_map_matches_the_tree():
    files, covered = module_map()
    tree = {p.relative_to(ROOT).as_posix() for package in PACKAGES for p in (ROOT / package).rglob("*.py")
            if p.name != "__init__.py" and "__pycache__" not in p.parts}
    unlisted = sorted(f for f in tree if f not in files and f.rpartition("/")[0] not in covered)
    assert not unlisted, f"modules missing from the README's module map: {unlisted}"
    gone = sorted(f for f in files if f not in tree)
    assert not gone, f"the module map lists modules that do not exist: {gone}"
    assert all((ROOT / folder).is_dir() for folder in covered)


def test_no_module_is_over_400_lines():
    long = {p.relative_to(ROOT).as_posix(): n for package in PACKAGES for p in (ROOT / package).rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400}
    assert not long, f"modules over 400 lines: {long}"
