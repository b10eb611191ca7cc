"""tests/workbench/test_hit_review.py on PostgreSQL (tests/pg/desktops.py)."""

from sqlalchemy import select

from tests.pg.desktops import store_dir, team  # noqa: F401 - the server's
from tests.workbench.findings_world import World
from tests.workbench.team import Team
from tests.workbench.test_hit_review import *  # noqa: F403 - the scenarios, run here again
from tests.workbench.test_hit_review import _everyone_sees_raw, add_hit, sheet_values
from workbench.services.hit_review import hit_to_finding
from workbench.store.server_attachments import chunks

# There the blob is a file of the store's folder; on the server its rows (below).
del test_a_finding_from_a_hit_carries_its_rows_as_an_encrypted_xlsx  # noqa: F821


def test_a_finding_from_a_hit_carries_its_rows_as_an_encrypted_xlsx_on_the_server(
    team: Team,  # noqa: F811
    world: World,
) -> None:
    _everyone_sees_raw(team)
    hit = add_hit(team, world)
    with team().session() as s:
        done = hit_to_finding(
            s,
            hit,
            attachments=team().attachments,
            target_id=world.target_id,
            taxonomy_code="SGJJ-2020.1.1",
        )
    rows = sheet_values(team(), done.attachment_sha256)
    assert rows[0][0] == "比对疑点：公职人员享受低保"
    by_field = {r[0]: r[1:] for r in rows}
    assert by_field["身份证号"] == ("110101199003071234", "110101199003071234")
    assert by_field["原始数据：家庭住址"] == ("某某村3组", None)
    with team().read() as s:
        query = select(chunks.c.data).where(chunks.c.sha256 == done.attachment_sha256)
        stored = b"".join(s.scalars(query))
    assert stored and not stored.startswith(b"PK")  # sealed, not the .xlsx's zip
    assert "李四".encode() not in stored and b"110101199003071234" not in stored
