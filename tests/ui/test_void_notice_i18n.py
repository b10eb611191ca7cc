"""The 已作废 banner of a voided record in the English UI: the fixed part is translated, the
reason stays as typed (the core formatted it whole, so it stayed Chinese)."""

from __future__ import annotations

from tests.ui.english import english_ui
from ui.i18n import core_notice
from workbench.services.letters import list_letters
from workbench.services.locks import VOIDED_BECAUSE, lock_notice, lock_reason
from workbench.services.voiding import void
from workbench.workspace import Workspace

REASON = "与 XF-0001 重复登记"


def test_the_void_banner_is_english_with_the_reason_as_typed(
    qtbot: object, workspace: Workspace
) -> None:
    def void_one(s: object) -> str:
        letter = list_letters(s, status="registered", limit=1).items[0]  # type: ignore[arg-type]
        void(s, "letter", letter.id, REASON)  # type: ignore[arg-type]
        return letter.id

    letter_id = workspace.write(void_one)
    notice = workspace.read(lambda s: lock_notice(s, "letter", letter_id))
    assert notice == (VOIDED_BECAUSE, REASON)
    assert workspace.read(lambda s: lock_reason(s, "letter", letter_id)) == f"已作废：{REASON}"
    assert core_notice(notice) == f"已作废：{REASON}"
    with english_ui():
        assert core_notice(notice) == f"Voided: {REASON}"
