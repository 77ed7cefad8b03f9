"""Options form from a profile schema, ship steps, and the label preview."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QLineEdit

from packstation.domain.errors import Violation
from packstation.domain.labels import PreparedLabel
from packstation.domain.profiles import (
    LIST,
    TEXT,
    ConfigOption,
    PossibleValue,
    ShippingProfile,
    insurance_option,
    label_text_option,
    yes_no,
)
from packstation.domain.shipments import Carrier, Platform
from packstation.ui.messages import Messages
from packstation.ui.state import STEPS, StepState
from packstation.ui.style import STYLE
from packstation.ui.widgets.label_preview import LabelPreview
from packstation.ui.widgets.options_form import OptionsForm
from packstation.ui.widgets.steps import StepsView

SAMPLE_LABEL = (
    Path(__file__).resolve().parents[2]
    / "tests"
    / "data"
    / "labels"
    / "postnl_firstred_singlelabel_3S1234567890123.pdf"
)

PROFILE = ShippingProfile(
    "PostNL test",
    Carrier.POSTNL,
    Platform.MYPARCEL,
    options=(
        yes_no("signature", default=True),
        insurance_option((0, 100, 500), default=100),
        label_text_option(),
        ConfigOption(
            "delivery_type",
            "Delivery",
            LIST,
            possible_values=(PossibleValue("2", "Standard"), PossibleValue("3", "Evening")),
            required=False,
        ),
    ),
)


@pytest.fixture
def messages() -> Messages:
    return Messages("en")


def png(width: int, height: int) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def test_form_is_generated_from_the_schema_with_defaults(qtbot, messages):
    form = OptionsForm(messages)
    qtbot.addWidget(form)
    form.set_profile(PROFILE)
    assert isinstance(form.editor("signature"), QCheckBox)
    assert isinstance(form.editor("insurance"), QComboBox)
    assert isinstance(form.editor("label_description"), QLineEdit)
    assert form.values() == {"signature": "1", "insurance": "100", "label_description": ""}


def test_form_edits_change_the_values(qtbot, messages):
    form = OptionsForm(messages)
    qtbot.addWidget(form)
    form.set_profile(PROFILE)
    changes: list[int] = []
    form.changed.connect(lambda: changes.append(1))
    form.editor("signature").setChecked(False)
    combo = form.editor("insurance")
    combo.setCurrentIndex(combo.findData("500"))
    form.editor("label_description").setText("  Bestelling 42 ")
    delivery = form.editor("delivery_type")
    delivery.setCurrentIndex(delivery.findData("3"))
    assert form.values() == {
        "signature": "0",
        "insurance": "500",
        "label_description": "Bestelling 42",
        "delivery_type": "3",
    }
    assert len(changes) == 4


def test_form_keeps_given_values_and_clears_for_no_profile(qtbot, messages):
    form = OptionsForm(messages)
    qtbot.addWidget(form)
    form.set_profile(PROFILE, {"insurance": "500", "signature": "0"})
    assert form.values()["insurance"] == "500" and form.values()["signature"] == "0"
    form.set_profile(None)
    assert form.values() == {}


def test_violations_highlight_the_option_with_the_reason(qtbot, messages):
    form = OptionsForm(messages)
    qtbot.addWidget(form)
    form.set_profile(PROFILE)
    violation = Violation("insurance_needs_signature", (("option", "insurance"),))
    form.mark_problems([violation])
    assert form.editor("insurance").property("problem") is True
    # The catalogue's words for the code, not the domain's English text.
    assert "An insured parcel needs a signature: switch it on." in form.editor("insurance").toolTip()
    assert form.editor("signature").property("problem") is False
    form.mark_problems([])
    assert form.editor("insurance").property("problem") is False


def test_text_option_schema(qtbot, messages):
    profile = ShippingProfile(
        "x",
        Carrier.POSTNL,
        Platform.MYPARCEL,
        options=(ConfigOption("label_description", "Label text", TEXT, default_value="Hi"),),
    )
    form = OptionsForm(messages)
    qtbot.addWidget(form)
    form.set_profile(profile)
    assert form.values() == {"label_description": "Hi"}


def test_steps_show_state_and_failure_text_and_follow_the_language(qtbot, messages):
    steps = StepsView(messages)
    qtbot.addWidget(steps)
    steps.set_state("create", StepState.DONE)
    steps.set_state("print", StepState.FAILED, "Printer “Zebra” is not ready: paper out.")
    assert steps.state("create") is StepState.DONE
    assert steps.detail("print").endswith("paper out.")
    messages.set_language("nl")
    assert steps._names["print"].text() == "Printen"
    assert steps._state_labels["print"].text() == "mislukt"
    steps.reset()
    assert all(steps.state(s) is StepState.WAITING for s in STEPS) and steps.detail("print") == ""


def test_preview_shows_pdf_image_and_barcode_result(qtbot, messages):
    if not SAMPLE_LABEL.exists():
        pytest.fail(f"sample label missing: {SAMPLE_LABEL}")
    preview = LabelPreview(messages)
    qtbot.addWidget(preview)
    assert preview.show_pdf(SAMPLE_LABEL.read_bytes())
    assert preview.page_count == 1
    prepared = PreparedLabel(b"^XA^XZ", "zpl", (png(400, 600),), ("3S1234567890123",), ("3S1234567890123",))
    preview.show_prepared(prepared)
    assert preview.has_printed_image
    assert "passed" in preview.check.text() and "3S1234567890123" in preview.check.text()
    preview.show_prepared(PreparedLabel(b"^XA^XZ", "zpl", (png(400, 600),), ("3S1234567890123",), ()))
    assert "FAILED" in preview.check.text()
    preview.clear()
    assert not preview.has_printed_image and preview.page_count == 0


def test_a_long_barcode_check_never_covers_the_printed_label(qtbot):
    # With the print queue (F9) open the preview has ~210 px: the image kept 160 of them and the check's three
    # wrapped lines were drawn over it.
    preview = LabelPreview(Messages("nl"))
    preview.setStyleSheet(STYLE)  # the window's: the check is bold and larger
    qtbot.addWidget(preview)
    codes = ("3SMYPA000000001|2000|90000001", "3SMYPA000000001")
    preview.show_prepared(PreparedLabel(b"^XA^XZ", "zpl", (png(400, 600),), codes, codes))
    preview.resize(320, 205)
    preview.show()
    QApplication.processEvents()
    assert preview.check.text().startswith("Barcodecontrole goed")
    assert preview.check.height() >= preview.check.heightForWidth(preview.check.width())  # all its lines
    assert not preview.check.geometry().intersects(preview.printed.geometry())


def test_preview_says_when_the_pdf_is_unreadable(qtbot, messages):
    preview = LabelPreview(messages)
    qtbot.addWidget(preview)
    assert not preview.show_pdf(b"<html>not a pdf</html>")
    assert "cannot be shown" in preview.check.text()


def test_an_admins_own_option_words_are_shown_as_written_in_any_language(qtbot):
    own = ShippingProfile(
        "Eigen",
        Carrier.POSTNL,
        Platform.MYPARCEL,
        options=(
            ConfigOption(
                "signature",
                "Handtekening (klant vraagt erom)",
                LIST,
                "Alleen als de klant erom vroeg.",
                (PossibleValue("0", "nee"), PossibleValue("1", "ja")),
                "0",
                True,
            ),
            ConfigOption("insurance", "Insurance", LIST, possible_values=(PossibleValue("0", "Geen"),), required=True),
        ),
    )
    form = OptionsForm(Messages("en"))
    qtbot.addWidget(form)
    form.set_profile(own)
    assert form.option_name("signature") == "Handtekening (klant vraagt erom)"
    assert form.editor("signature").toolTip() == "Alleen als de klant erom vroeg."
    # The name is packstation's own ("Insurance"), the choice is the admin's ("Geen").
    assert form.option_name("insurance") == "Insurance *"
    assert form.editor("insurance").itemText(0) == "Geen"


def test_an_insurance_the_rules_set_that_the_list_lacks_is_shown_while_the_rule_applies(qtbot, messages):
    form = OptionsForm(messages)
    qtbot.addWidget(form)
    form.set_profile(PROFILE)  # insurance choices: none, EUR 100, EUR 500; the packer's default EUR 100
    insurance = form.editor("insurance")
    choices = insurance.count()
    swiss = Violation("insurance_added", (("option", "insurance_cents"), ("amount", "20000")))
    form.show_required([swiss])
    assert insurance.currentText() == "Insured up to € 200" and not insurance.isEnabled()
    assert form.values()["insurance"] == "100"  # the packer's choice; the rule adds the EUR 200
    form.show_required([])  # another country: the rule is gone
    assert insurance.count() == choices and insurance.currentData() == "100" and insurance.isEnabled()
