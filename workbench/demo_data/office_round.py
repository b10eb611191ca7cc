"""What the screenshots type into the office's round wizard (a 专项 round of a city office)."""

from __future__ import annotations

TERM = "十五届市委"
AUTHORIZATION_NO = "市巡办〔2026〕3号"
TOPIC = "乡村振兴领域"
