"""A realistic benchmark record: UUID id, a few short columns and ~300 characters of Chinese.

The table lives on a local ``MetaData``: it is a benchmark fixture, not part of workbench's models.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from functools import cache
from random import Random
from typing import Any

from sqlalchemy import Column, DateTime, Engine, Integer, MetaData, String, Table, Text

SEED = 20260601
BODY_CHARS = (280, 320)
CORPUS_CHARS = 1 << 16
# Common characters of inspection writing, plus full-width punctuation.
ALPHABET = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说"
    "产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点"
    "从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原"
    "又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革"
    "位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强"
    "放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交"
    "受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八"
    "离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布"
    "复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精"
    "巡察组干部群众反映问题线索谈话核实整改落实监督纪律廉洁作风违规资金项目审批台账会议材料报告"
    "，，，。。、；：“”"
)


def records_table(metadata: MetaData) -> Table:
    return Table(
        "bench_records",
        metadata,
        Column("id", String(36), primary_key=True),
        Column("case_no", String(24), nullable=False),
        Column("title", String(64), nullable=False),
        Column("category", String(16), nullable=False),
        Column("severity", Integer, nullable=False),
        Column("created_at", DateTime, nullable=False),
        Column("body", Text, nullable=False),
    )


def _corpus(rng: Random) -> str:
    return "".join(rng.choices(ALPHABET, k=CORPUS_CHARS))


def _row(rng: Random, corpus: str, index: int, start: datetime) -> dict[str, Any]:
    length = rng.randint(*BODY_CHARS)
    offset = rng.randrange(CORPUS_CHARS - length)
    title_at = rng.randrange(CORPUS_CHARS - 20)
    return {
        "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        "case_no": f"XC-2026-{index:06d}",
        "title": corpus[title_at : title_at + rng.randint(8, 20)],
        "category": rng.choice(("问题线索", "谈话记录", "整改台账", "会议纪要", "审计材料")),
        "severity": rng.randint(1, 5),
        "created_at": start + timedelta(seconds=index * 37),
        "body": corpus[offset : offset + length],
    }


@cache
def make_rows(count: int, seed: int = SEED) -> tuple[dict[str, Any], ...]:
    """Deterministic rows; slices of one random corpus keep generation fast."""
    rng = Random(seed)
    corpus = _corpus(rng)
    start = datetime(2026, 1, 1)  # naive, as the store's DateTime columns are
    return tuple(_row(rng, corpus, i, start) for i in range(count))


def insert_rows(engine: Engine, table: Table, rows: tuple[dict[str, Any], ...], batch: int) -> None:
    """Insert ``rows`` with one transaction per ``batch`` rows (an executemany each)."""
    for first in range(0, len(rows), batch):
        with engine.begin() as conn:
            conn.execute(table.insert(), list(rows[first : first + batch]))
