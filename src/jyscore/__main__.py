"""``python -m jyscore`` and the ``jyscore`` console script."""

from __future__ import annotations

import gc


def run() -> None:
    """Import the command line with the cyclic collector paused, then run it.

    Importing click and the CLI allocates a lot and frees almost nothing, so the collector's
    passes meanwhile find nothing to collect (:func:`jyscore.cli.main` pauses it again until the
    command's modules are imported). See docs/lazy-imports.md.
    """
    gc.disable()
    try:
        from jyscore.cli import main  # after the pause, not at this module's import
    finally:
        gc.enable()
    main()


if __name__ == "__main__":
    run()
