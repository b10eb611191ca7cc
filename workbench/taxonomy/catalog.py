"""The catalog: every shipped taxonomy file plus the versions an office adds, cross-checked.

Offices extend the catalog by dropping files into their own directory; they can add new ids and
new versions but never replace a shipped ``id@version``: a round pinned to ``sgjj@2020`` must
mean the same thing on every laptop.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TypeVar

from workbench.taxonomy.errors import TaxonomyError, TaxonomyNotFound
from workbench.taxonomy.model import (
    AttentionLevel,
    Discipline,
    DisciplineSet,
    Document,
    FocusItem,
    FocusList,
    Framework,
    FrameworkNode,
    Manifestation,
    PortraitTemplate,
    TargetKind,
    TargetTypes,
    WorkMethod,
    WorkMethodSet,
)
from workbench.taxonomy.parse import parse_file

SHIPPED_DIR = Path(__file__).resolve().parents[2] / "resources" / "taxonomy"

D = TypeVar("D", bound=Document)

_SERIES_NAMES = {
    DisciplineSet: "六项纪律（disciplines）",
    WorkMethodSet: "工作方式（work_methods）",
    TargetTypes: "被巡察对象类型（targets）",
}


def _scan(directory: Path) -> list[Path]:
    if not directory.is_dir():
        raise TaxonomyError(directory, "分类数据目录不存在或不是目录")
    # Sorted so the same files always load in the same order (and errors are reproducible);
    # dot-files are editor leftovers such as .~lock files.
    return sorted(
        p
        for p in directory.rglob("*.json")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(directory).parts)
    )


class Catalog:
    """Immutable after construction; safe to share between threads."""

    def __init__(self, documents: Iterable[Document], *, origin: Path = SHIPPED_DIR) -> None:
        self._series: dict[tuple[type[Document], str], dict[int, Document]] = {}
        for doc in documents:
            versions = self._series.setdefault((type(doc), doc.id), {})
            clash = versions.get(doc.version)
            if clash is not None:
                first, second = (clash, doc) if clash.shipped or not doc.shipped else (doc, clash)
                where = "内置文件" if first.shipped else "文件"
                raise TaxonomyError(
                    second.path,
                    f"与{where} {first.path} 的 id 和版本相同（{doc.key}），不能覆盖已有版本；"
                    "如需修改，请使用新的版本号",
                )
            versions[doc.version] = doc
        self._check_required(origin)
        self._check_frameworks()
        self._check_focus_lists()
        self._check_roots(PortraitTemplate)

    # --- lookups -----------------------------------------------------------------------------

    def documents(self) -> tuple[Document, ...]:
        """Every loaded document, for a settings page that lists what is installed."""
        docs = [d for versions in self._series.values() for d in versions.values()]
        return tuple(sorted(docs, key=lambda d: (d.schema, d.id, d.version)))

    def _all(self, cls: type[D]) -> tuple[D, ...]:
        docs = [d for (c, _), vs in self._series.items() if c is cls for d in vs.values()]
        return tuple(
            sorted((d for d in docs if isinstance(d, cls)), key=lambda d: (d.id, d.version))
        )

    def _get(self, cls: type[D], doc_id: str, version: int | None, what: str) -> D:
        versions = self._series.get((cls, doc_id))
        if not versions:
            raise TaxonomyNotFound(f"未找到{what}“{doc_id}”", id=doc_id)
        chosen = versions.get(max(versions) if version is None else version)
        if chosen is None:
            have = "、".join(str(v) for v in sorted(versions))
            raise TaxonomyNotFound(
                f"未找到{what}“{doc_id}”的版本 {version}（现有版本：{have}）",
                id=doc_id,
                version=version,
            )
        assert isinstance(chosen, cls)
        return chosen

    def frameworks(self) -> tuple[Framework, ...]:
        """Every framework version, ordered by id then version."""
        return self._all(Framework)

    def framework(self, framework_id: str, version: int | None = None) -> Framework:
        """One framework version; ``None`` picks the highest version number."""
        return self._get(Framework, framework_id, version, "监督框架")

    def classify(
        self, framework_id: str, version: int | None, code: str
    ) -> tuple[FrameworkNode, ...]:
        """The path 方面 → 类 → 表现 (1 to 3 nodes) down to ``code``."""
        framework = self.framework(framework_id, version)
        path = framework.lookup(code)
        if path is None:
            raise TaxonomyNotFound(
                f"监督框架 {framework.key} 中没有代码“{code}”", key=framework.key, code=code
            )
        return path

    def locate(self, code: str) -> tuple[Framework, tuple[FrameworkNode, ...]]:
        """Find a bare node code in whichever framework version defines it (codes carry the
        version, so at most one does)."""
        for framework in self.frameworks():
            path = framework.lookup(code)
            if path is not None:
                return framework, path
        raise TaxonomyNotFound(f"没有任何监督框架包含代码“{code}”", code=code)

    def discipline_set(self, version: int | None = None) -> DisciplineSet:
        return self._get(DisciplineSet, "disciplines", version, "六项纪律")

    def disciplines(self, version: int | None = None) -> tuple[Discipline, ...]:
        return self.discipline_set(version).items

    def work_method_set(self, version: int | None = None) -> WorkMethodSet:
        return self._get(WorkMethodSet, "work_methods", version, "工作方式")

    def work_methods(self, version: int | None = None) -> tuple[WorkMethod, ...]:
        return self.work_method_set(version).items

    def target_types(self, version: int | None = None) -> TargetTypes:
        return self._get(TargetTypes, "targets", version, "被巡察对象类型")

    def target_kinds(self, version: int | None = None) -> tuple[TargetKind, ...]:
        return self.target_types(version).kinds

    def attention_levels(self, version: int | None = None) -> tuple[AttentionLevel, ...]:
        return self.target_types(version).attention_levels

    def focus_lists(self) -> tuple[FocusList, ...]:
        """Every focus-list version, ordered by id then version."""
        return self._all(FocusList)

    def focus_list(self, kind: str, subtype: str | None = None) -> tuple[FocusItem, ...]:
        """The latest list for ``kind`` followed by the latest list for its ``subtype``."""
        items = self._get(FocusList, kind, None, "对象类型的监督重点清单").items
        if subtype is not None:
            sub = self._get(FocusList, f"{kind}.{subtype}", None, "子类型的监督重点清单")
            items += sub.items
        return items

    def portrait_templates(self) -> tuple[PortraitTemplate, ...]:
        return self._all(PortraitTemplate)

    def portrait_template(self, template_id: str, version: int | None = None) -> PortraitTemplate:
        return self._get(PortraitTemplate, template_id, version, "政治画像模板")

    # --- cross-file checks -------------------------------------------------------------------

    def _check_required(self, origin: Path) -> None:
        for cls, name in _SERIES_NAMES.items():
            if not self._all(cls):
                raise TaxonomyError(origin, f"缺少{name}数据文件")
        if not self.frameworks():
            raise TaxonomyError(origin, "缺少监督框架（framework）数据文件")

    def _check_roots(self, cls: type[Framework] | type[PortraitTemplate] | type[FocusList]) -> None:
        # A root code belongs to one series, so a bare node code names exactly one node.
        owners: dict[str, Framework | PortraitTemplate | FocusList] = {}
        for doc in self._all(cls):
            other = owners.setdefault(doc.code, doc)
            if other.id != doc.id or (other is not doc and cls is not FocusList):
                # Blame the office's file rather than the shipped one it collides with.
                culprit, owner = (other, doc) if doc.shipped and not other.shipped else (doc, other)
                raise TaxonomyError(
                    culprit.path, f"根代码“{doc.code}”已被 {owner.path}（{owner.key}）使用"
                )

    def _check_frameworks(self) -> None:
        self._check_roots(Framework)
        for framework in self.frameworks():
            for path in framework.walk():
                node = path[-1]
                if not isinstance(node, Manifestation):
                    for ref in node.corresponds_to:
                        self._check_reference(framework, node.code, ref)

    def _check_reference(self, framework: Framework, code: str, ref: str) -> None:
        try:
            target, _ = self.locate(ref)
        except TaxonomyNotFound:
            problem = f"节点“{code}”的 corresponds_to 引用了未知代码“{ref}”"
            raise TaxonomyError(framework.path, problem) from None
        if target is framework:
            problem = f"节点“{code}”的 corresponds_to 应引用其他框架，不能引用本框架的“{ref}”"
            raise TaxonomyError(framework.path, problem)

    def _check_focus_lists(self) -> None:
        kinds: dict[str, set[str]] = {}
        for types in self._all(TargetTypes):
            for kind in types.kinds:
                kinds.setdefault(kind.code, set()).update(s.code for s in kind.subtypes)
        for fl in self.focus_lists():
            if fl.kind not in kinds:
                raise TaxonomyError(fl.path, f"kind“{fl.kind}”不是已定义的被巡察对象类型")
            if fl.subtype is not None and fl.subtype not in kinds[fl.kind]:
                raise TaxonomyError(
                    fl.path, f"subtype“{fl.subtype}”不是对象类型“{fl.kind}”下已定义的子类型"
                )
        self._check_roots(FocusList)
        # Every kind and sub-type in force must have its list, or a round would open with none.
        latest = self.target_types()
        have = {fl.id for fl in self.focus_lists()}
        for kind in latest.kinds:
            wanted = [(kind.code, kind.title)]
            wanted += [(f"{kind.code}.{s.code}", f"{kind.title}/{s.title}") for s in kind.subtypes]
            for list_id, label in wanted:
                if list_id not in have:
                    raise TaxonomyError(
                        latest.path,
                        f"对象类型“{label}”缺少监督重点清单（focus_list，id 为 {list_id}）",
                    )


def load_catalog(extra_dirs: Sequence[Path] = (), *, shipped_dir: Path | None = None) -> Catalog:
    """Load the shipped taxonomy (or ``shipped_dir``) plus each office directory in
    ``extra_dirs``; raise TaxonomyError naming the offending file on any problem."""
    base = SHIPPED_DIR if shipped_dir is None else shipped_dir
    docs = [parse_file(p, shipped=True) for p in _scan(base)]
    for directory in extra_dirs:
        docs += [parse_file(p, shipped=False) for p in _scan(Path(directory))]
    return Catalog(docs, origin=base)
