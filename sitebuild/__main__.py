"""`python -m sitebuild finish SITE [--config mkdocs.yml]`: the whole-site steps, after any generator."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sitebuild.content import BuildError
from sitebuild.finish import finish_site
from sitebuild.settings import CONFIG_FILE


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sitebuild", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    finish = commands.add_parser("finish", help="finish a site a generator has written: runtime, search, packages")
    finish.add_argument("site", type=Path, help="the folder the generator wrote (site/)")
    finish.add_argument("--config", type=Path, default=CONFIG_FILE, help="the site's mkdocs.yml")
    args = parser.parse_args(argv)
    if not args.site.is_dir():
        print(f"error: {args.site} is not a folder: build the site first (make build)", file=sys.stderr)
        return 2
    try:
        finish_site(args.site, args.config)
    except (BuildError, ValueError, FileNotFoundError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
