"""Letter templates saved by name in the database."""

from __future__ import annotations

import pytest

from desktop_crm.db.connection import close_database, open_database
from desktop_crm.domain.letter_templates import (
    delete_letter_template,
    letter_templates,
    save_letter_template,
)
from desktop_crm.errors import ValidationError


def test_a_saved_template_comes_back_by_name_after_reopening(db, db_target):
    save_letter_template("  新年问候 ", "尊敬的{name}：\n\n新年快乐！")
    save_letter_template("Autumn offer", "Dear {name},")
    close_database()
    open_database(db_target)
    assert letter_templates() == {
        "Autumn offer": "Dear {name},",
        "新年问候": "尊敬的{name}：\n\n新年快乐！",
    }


def test_saving_under_the_same_name_replaces_it(db):
    save_letter_template("Offer", "Dear {name},")
    save_letter_template("Offer", "Hello {name},")
    assert letter_templates() == {"Offer": "Hello {name},"}


def test_a_template_needs_a_name_and_text(db):
    with pytest.raises(ValidationError) as problem:
        save_letter_template("  ", "   ")
    assert set(problem.value.errors) == {"name", "template"}
    with pytest.raises(ValidationError, match="60"):
        save_letter_template("x" * 61, "text")
    assert letter_templates() == {}


def test_deleting_forgets_only_that_template(db):
    save_letter_template("A", "a")
    save_letter_template("B", "b")
    assert delete_letter_template("A") is True
    assert delete_letter_template("A") is False
    assert letter_templates() == {"B": "b"}
