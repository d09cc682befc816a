"""The pure core: the rubric and sheet models, the rule kinds, the engine, panels, grades, ranking.

No I/O and no printing: everything here takes data and returns data (texts included, through
:mod:`jyscore.i18n`). It imports nothing of jyscore's but :mod:`jyscore.i18n` and itself.
"""
