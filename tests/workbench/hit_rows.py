"""The matched rows of the hits the review tests plant: a 低保 row and a roster row of one
person, each with its key fields and its raw cells (one of them a would-be formula)."""

from __future__ import annotations

from typing import Any

ROWS: list[dict[str, Any]] = [
    {
        "kind": "assistance",
        "source": "县民政局",
        "row_no": 12,
        "key_fields": {"姓名": "李四", "身份证号": "110101199003071234", "救助类别": "低保"},
        "cells": {"姓名": "李四", "身份证号": "110101199003071234", "家庭住址": "某某村3组"},
    },
    {
        "kind": "staff",
        "source": "县人社局",
        "row_no": 7,
        "key_fields": {"姓名": "李四", "身份证号": "110101199003071234", "单位": "某某镇政府"},
        "cells": {"姓名": "李四", "工资卡号": '=HYPERLINK("x")', "职务": "科员"},
    },
]
