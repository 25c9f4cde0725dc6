"""The build's settings, in one typed object: read from mkdocs.yml (which MkDocs, ProperDocs and Zensical
all read), its `extra: sitebuild:` table for this build's own settings, with a default for each.

The quiz's own settings (questions per attempt, pass mark) stay in quiz/data/quiz.toml, where the
communications team edits them; the learning-system description reads them from the loaded bank.
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Mapping

import yaml

ROOT = Path(__file__).resolve().parent.parent
CONFIG_FILE = ROOT / "mkdocs.yml"


@dataclass(frozen=True)
class Settings:
    """Everything the build steps need to know that is not in a data file."""

    docs_dir: Path = ROOT / "docs"
    sources_dir: Path = ROOT / "sources"  # the documents as received: their versions (sitebuild/versions.py)
    package_dir: Path = ROOT / "quiz"  # the Python the browser runs: the wheel is this folder
    package_version: str = "1.0.0"  # the wheel's version (its name is the package folder's)
    # The page a learning system opens, relative to the site root (sitebuild/packages.py).
    lms_launch: str = "training/quiz/index.html"
    lms_title: str = "Social media policy and procedure: training quiz"

    @property
    def package_name(self) -> str:
        return self.package_dir.name

    @property
    def wheel_name(self) -> str:
        return f"{self.package_name}-{self.package_version}-py3-none-any.whl"


class _Loader(yaml.SafeLoader):
    """mkdocs.yml as data: `!ENV [NAME, default]` gives the variable or its default; other tags give None."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    import os

    values = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
    return next((os.environ[name] for name in values[:-1] if name in os.environ), values[-1] if len(values) > 1 else None)


_Loader.add_constructor("!ENV", _env)
_Loader.add_multi_constructor("", lambda loader, suffix, node: None)


def read_config(path: Path = CONFIG_FILE) -> dict[str, Any]:
    """mkdocs.yml's contents; a file that cannot be read fails naming it."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506 - a safe loader
    except (OSError, yaml.YAMLError) as error:
        raise ValueError(f"{path}: cannot read the site's configuration: {error}") from None
    if not isinstance(data, dict):
        raise ValueError(f"{path}: the site's configuration must be a YAML mapping")
    return data


def from_config(config: Mapping[str, Any], config_dir: Path = ROOT) -> Settings:
    """The settings from a configuration mapping (mkdocs.yml as read, or MkDocs' own config object)."""
    extra = (config.get("extra") or {}).get("sitebuild") or {}
    known = {f.name for f in fields(Settings)}
    unknown = sorted(set(extra) - known)
    if unknown:
        raise ValueError(f"mkdocs.yml extra.sitebuild: unknown setting(s) {', '.join(unknown)}; "
                         f"the settings are {', '.join(sorted(known))}")
    values: dict[str, Any] = {"docs_dir": config_dir / (config.get("docs_dir") or "docs")}
    for name, value in extra.items():
        default = getattr(Settings, name)
        values[name] = config_dir / value if isinstance(default, Path) else value
    return Settings(**values)


def load(path: Path = CONFIG_FILE) -> Settings:
    """The settings of the site configured in path."""
    return from_config(read_config(path), path.resolve().parent)
