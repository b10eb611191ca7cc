"""Show a key fingerprint for the out-of-band check (read aloud over the phone, compared on
paper). With ``confirm`` the OK button stays disabled until the person ticks that the
fingerprints matched; without it the dialog only informs."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ui.dialogs.job_wizard import note_label
from ui.widgets.fingerprint_label import FingerprintLabel


class FingerprintDialog(QDialog):
    def __init__(
        self,
        title: str,
        intro: str,
        fingerprint: str,
        facts: list[tuple[str, str]] | None = None,
        *,
        confirm: str | None = None,
        ok_text: str | None = None,
        extra: QWidget | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self.intro = note_label("fingerprint_intro")
        self.intro.setText(intro)
        self.fingerprint = FingerprintLabel(fingerprint)
        self.fingerprint.setObjectName("fingerprint")
        facts_form = QFormLayout()
        for label, value in facts or []:
            shown = QLabel(value)
            shown.setWordWrap(True)
            facts_form.addRow(label, shown)
        self.confirm = QCheckBox(confirm or "")
        self.confirm.setObjectName("fingerprint_confirmed")
        self.confirm.setVisible(confirm is not None)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | (
                QDialogButtonBox.StandardButton.Cancel
                if confirm
                else QDialogButtonBox.StandardButton.NoButton
            )
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text or self.tr("确定"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        if cancel is not None:
            cancel.setText(self.tr("取消"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.confirm.toggled.connect(self._update)
        self._confirm_needed = confirm is not None
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(facts_form)
        layout.addWidget(self.fingerprint)
        if extra is not None:
            layout.addWidget(extra)
        layout.addWidget(self.confirm)
        layout.addWidget(self.buttons)
        self._update()

    def _update(self) -> None:
        self.ok_button.setEnabled(not self._confirm_needed or self.confirm.isChecked())
