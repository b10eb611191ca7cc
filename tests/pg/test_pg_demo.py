"""The whole demo, 数据比对 included, built as an office store on the server."""

from pathlib import Path

from tests.pg import cluster as pg
from tests.pg.demo_store import demo_on_server


def test_the_demo_with_its_datacheck_is_built_on_the_server(
    pg_cluster: pg.Cluster, pg_template: str, tmp_path: Path
) -> None:
    with demo_on_server(pg_cluster, pg_template, tmp_path / "desk", datacheck=True):
        pass
