"""The lesson engine: lesson files (YAML, format 1), their validation, answer checking and progress.

Modules: :mod:`.model` (the dataclasses), :mod:`.loader` (safe YAML reading), :mod:`.validate`,
:mod:`.library` (built-in course and lesson packs), :mod:`.sanitize` (lesson text to safe HTML),
:mod:`.calculations` (calculation exercises on the core's formulas), :mod:`.checking` (answers and
pre/post tests), :mod:`.progress`, :mod:`.extract` (``lessons.pot``) and :mod:`.check`
(``budget-tutor lessons check``). The format is documented in ``docs/lesson-format.md``.
Nothing is imported here, so ``import budget_tutor.lessons`` does no work.
"""
