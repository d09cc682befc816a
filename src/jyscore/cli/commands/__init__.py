"""The commands of ``jyscore``: one module each, named as the command, defining a click command of
that name (``score.py`` defines ``score``). A new command is a new module here: the group lists
the modules of this package and imports one only when its command runs."""
