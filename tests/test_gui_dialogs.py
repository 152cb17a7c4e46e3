"""The Renja baru dialog: empty identity refused with a message, filled identity accepted."""
from PySide6.QtWidgets import QDialogButtonBox

from renja_desktop.gui.dialogs import NewDocumentDialog


def test_new_document_dialog_refuses_empty_identity(qtbot):
    dialog = NewDocumentDialog(None, 2025)
    qtbot.addWidget(dialog)
    dialog.show()
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Batal"
    buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.error.isVisible() and "perangkat daerah" in dialog.error.text()
    assert dialog.result() == 0
    dialog.pemda.setText("Kota Binjai")
    dialog.opd.setText("Badan Kesatuan Bangsa dan Politik")
    buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result() == 1
    assert dialog.values() == {"pemda": "Kota Binjai", "opd": "Badan Kesatuan Bangsa dan Politik",
                               "opd_singkat": "", "tahun": 2025, "nomenklatur_versi": "sipd-pemutakhiran-2027"}


def test_new_document_dialog_chooses_the_nomenclature_version(qtbot):
    from renja_desktop.catalog import available_versions

    dialog = NewDocumentDialog(None, 2025)
    qtbot.addWidget(dialog)
    combo = dialog.nomenklatur
    assert [combo.itemData(i) for i in range(combo.count())] == [v["versi"] for v in available_versions()] + [""]
    assert combo.currentData() == "sipd-pemutakhiran-2027"   # the default for new documents
    assert dialog.ui.nomenklaturLabel.buddy() is combo
    combo.setCurrentIndex(combo.findData("kep050-3708-2020"))
    assert dialog.values()["nomenklatur_versi"] == "kep050-3708-2020"
    combo.setCurrentIndex(combo.count() - 1)
    assert dialog.values()["nomenklatur_versi"] == "" and "tanpa katalog" in combo.currentText()


def test_new_document_dialog_in_english(qtbot):
    from renja_desktop.gui.app import install_translators

    install_translators("en")
    try:
        dialog = NewDocumentDialog(None, 2025)
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "New Renja"
        assert dialog.ui.pemdaLabel.text() == "&Regional government:"
    finally:
        install_translators("id")
