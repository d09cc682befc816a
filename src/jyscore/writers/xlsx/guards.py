"""The form's guards on its input cells: data validation with an input message naming the cap
and the step, in the rubric's step. They catch a slip as it is typed; jyscore checks every value
again when it reads the workbook (the step itself, for one, is not something Excel can check)."""

from __future__ import annotations

from decimal import Decimal

from openpyxl.worksheet.datavalidation import DataValidation

from jyscore.core.fields import YEARS
from jyscore.core.numbers import format_decimal
from jyscore.i18n.messages import hint


def validation(kind: str, cap: Decimal | None, step: Decimal) -> DataValidation:
    """The data validation and input message for one kind of input cell."""
    step_text = format_decimal(step)
    if kind == "score":
        if cap is None:
            validation = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0")
            prompt = hint("form-prompt-open", step=step_text)
        else:
            cap_text = format_decimal(cap)
            validation = DataValidation(type="decimal", operator="between", formula1="0",
                                        formula2=cap_text)
            prompt = hint("form-prompt-score", cap=cap_text, step=step_text)
        title = hint("form-prompt-title")
    elif kind == "percent":
        validation = DataValidation(type="decimal", operator="between", formula1="0",
                                    formula2="100")
        prompt, title = hint("form-input-percent"), hint("form-prompt-percent-title")
    elif kind == "flag":
        validation = DataValidation(type="whole", operator="between", formula1="0", formula2="1")
        prompt, title = hint("form-input-flag"), hint("form-prompt-flag-title")
    elif kind == "number":
        validation = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0")
        prompt, title = hint("form-input-number"), hint("form-prompt-number-title")
    elif kind == "year":
        validation = DataValidation(type="whole", operator="between", formula1=str(YEARS.start),
                                    formula2=str(YEARS.stop - 1))
        prompt, title = hint("form-prompt-year"), hint("form-prompt-year-title")
    else:  # count, positive-count
        minimum = "1" if kind == "positive-count" else "0"
        validation = DataValidation(type="whole", operator="greaterThanOrEqual", formula1=minimum)
        prompt, title = hint(f"form-input-{kind}"), hint("form-prompt-count-title")
    validation.allow_blank = True
    validation.showInputMessage = validation.showErrorMessage = True
    validation.promptTitle, validation.prompt = title[:32], prompt[:255]
    validation.errorTitle, validation.error = title[:32], prompt[:255]
    return validation


def allowed_values(values: str) -> DataValidation:
    """A drop-down of the only values an item allows (``0,4,6,9``)."""
    validation = DataValidation(type="list", formula1=f'"{values}"', allow_blank=True)
    title, prompt = hint("form-prompt-title"), hint("form-prompt-allowed", values=values)
    validation.showInputMessage = validation.showErrorMessage = True
    validation.promptTitle, validation.prompt = title[:32], prompt[:255]
    validation.errorTitle, validation.error = title[:32], prompt[:255]
    return validation


def adjustment(
    minimum: Decimal, maximum: Decimal, step: Decimal, deduction: bool
) -> DataValidation:
    """An adjustment's amount: a decimal from ``minimum`` to ``maximum``, entered without sign."""
    validation = DataValidation(type="decimal", operator="between",
                                formula1=format_decimal(minimum), formula2=format_decimal(maximum))
    kind = "deduction" if deduction else "addition"
    prompt = hint(f"form-prompt-adjustment-{kind}", min=format_decimal(minimum),
                  max=format_decimal(maximum), step=format_decimal(step))
    title = hint("form-prompt-adjustment-title")
    validation.allow_blank = True
    validation.showInputMessage = validation.showErrorMessage = True
    validation.promptTitle, validation.prompt = title[:32], prompt[:255]
    validation.errorTitle, validation.error = title[:32], prompt[:255]
    return validation
