"""The one build step ``pyproject.toml`` cannot declare: the built-in rubric ships in the package.

The rubric files are committed once, in ``rubric/``; building a wheel copies them into the package
as ``jyscore/rubrics/``, where :mod:`jyscore.readers.rubric` finds the built-in one
(``MANIFEST.in`` puts ``rubric/`` in the sdist, so that a wheel built from it has them too). A copy
rather than a committed symlink (which a Windows clone turns into a broken file) or a package
directory mapped onto ``rubric/`` (which turns an editable install into an import hook that
editors and type checkers cannot follow): an editable install stays a plain path to ``src/``, and
reads ``rubric/`` in the checkout.
"""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

RUBRICS = Path("rubric")  # relative: the build runs in the project's root (a clone or an sdist)
PACKAGED = Path("jyscore", "rubrics")


class BuildWithRubrics(build_py):
    """``build_py`` plus the copy of ``rubric/*.yaml`` into ``jyscore/rubrics/``."""

    def run(self) -> None:
        super().run()
        target = Path(self.build_lib) / PACKAGED
        self.mkpath(str(target))
        for rubric in sorted(RUBRICS.glob("*.yaml")):
            self.copy_file(str(rubric), str(target / rubric.name))


setup(cmdclass={"build_py": BuildWithRubrics})
