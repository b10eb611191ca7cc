"""The demo round's 大数据碰撞比对: the synthetic lists of its villages imported, every shipped
rule run, and three hits decided as a team would (one 排除 with its reason, one 待核实, one
turned into a 问题线索 with the matched rows as its material)."""

from __future__ import annotations

import json
import tempfile
from collections import Counter
from pathlib import Path

from workbench.demo_data.context import TargetRef
from workbench.demo_data.lists import (
    DUPLICATE_RECEIPT,
    PAID_AFTER_DEATH,
    RELATIVE_CONTRACTS,
    write_lists,
)
from workbench.services import data_access
from workbench.services.datahits import HitView, list_hits, run_rules
from workbench.services.datalists import import_list
from workbench.services.hit_review import decide_hit, hit_to_clue
from workbench.store.vault import Vault
from workbench.vocab.enums import CadreLevel, HitStatus

_EXCLUDED = (
    "经核实，该户2026年2月由原村迁入现居住村，原村已于当月停发，两村名册为交接期间重叠，"
    "不存在重复领取。"
)
_PENDING = "已函请县民政局调取死亡后发放明细和经办记录，待回复后核实资金去向。"


def make_datacheck(vault: Vault, targets: list[TargetRef], seed: int) -> Counter[str]:
    """Lists, hits and decisions for the round of ``targets``; what it wrote, by table."""
    places = [t.unit for t in targets if t.kind in ("village", "community")]
    round_id = targets[0].round.id
    counts: Counter[str] = Counter()
    with vault.read() as s:
        if not data_access.may_see_raw(s):  # whoever runs the demo may not hold the lists
            return counts
    # The lists are made up; they exist on disk only while they are imported.
    with tempfile.TemporaryDirectory(prefix="demo-lists-") as folder:
        lists = write_lists(Path(folder), seed=seed, places=places)
        with vault.session() as s:
            for item in lists.files:
                import_list(
                    s,
                    item.path,
                    kind=item.kind,
                    round_id=round_id,
                    label=item.label,
                    source_date=item.source_date,
                    mapping=item.mapping,
                )
    with vault.session() as s:
        counts["data_hits"] = run_rules(s, round_id).new
        hits = list_hits(s, round_id)
        decide_hit(s, _first(hits, DUPLICATE_RECEIPT).id, HitStatus.EXCLUDED, _EXCLUDED)
        decide_hit(s, _first(hits, PAID_AFTER_DEATH).id, HitStatus.PENDING, _PENDING)
        cadre = _first(hits, RELATIVE_CONTRACTS)
        shown = cadre.summary + json.dumps(cadre.rows, ensure_ascii=False, default=str)
        village = next((t for t in targets if t.unit in shown), None)
        hit_to_clue(
            s,
            cadre.id,
            attachments=vault.attachments,
            subject_level=CadreLevel.OTHER,
            subject_position="村（社区）干部",
            target_id=village.id if village else None,
        )
    counts.update({"clues": 1, "evidence": 1, "attachments": 1})
    return counts


def _first(hits: list[HitView], rule_id: str) -> HitView:
    return next(hit for hit in hits if hit.rule_id == rule_id)
