"""Generate N realistic synthetic score sheets (valid, every item, parts, Chinese notes, bonus).

    python benchmarks/generate.py 2000 /tmp/jyscore-bench/sheets

Deterministic for a given N and seed, so runs are comparable.
"""

from __future__ import annotations

import argparse
import random
from decimal import Decimal
from pathlib import Path

from jyscore import load_rubric

NOTES = [
    "见会议纪要及签到表", "见用人单位信息库（2024版）", "举办专场招聘会3场，见服务记录",
    "见就业困难学生帮扶台账", "见档案转递登记表及留档名单", "见调研报告及整改建议",
    "部分材料未按时报送，已补交", "见宣传展板及公众号推文截图",
]
SURNAMES = "文理工农医法商教艺体史哲化数物生地信外音美"


def _halves(rng: random.Random, cap: Decimal, generous: bool) -> tuple[Decimal, Decimal]:
    top = int(cap * 2)
    assessed = rng.randint(max(0, top - 4), top)
    self_score = min(top, assessed + (rng.randint(0, 2) if generous else 0))
    return Decimal(self_score) / 2, Decimal(assessed) / 2


def sheet_text(index: int, rng: random.Random, year: int = 2024) -> str:
    rubric = load_rubric()
    college = f"{SURNAMES[index % len(SURNAMES)]}{index:05d}学院"
    lines = [
        f"# {year} 年度学生就业工作考核 — {college}",
        f"college: {college}",
        f"year: {year}",
        "rubric: imnu-employment",
        "scores:",
    ]
    for item in rubric.items:
        targets = item.parts if item.parts and rng.random() < 0.3 else (item,)
        for node in targets:
            assert node.points is not None  # every scorable item and part has its points
            self_score, assessed = _halves(rng, node.points, rng.random() < 0.6)
            wants_note = node.evidence or item.evidence  # as a careful office fills it: no JY306
            note = f", note: {rng.choice(NOTES)}" if wants_note or rng.random() < 0.2 else ""
            key = f'"{node.id}"' if rng.random() < 0.5 else node.id
            lines.append(f"  {key}: {{self: {self_score}, assessed: {assessed}{note}}}")
    graduates = rng.randint(60, 400)
    employed = rng.randint(int(graduates * 0.7), graduates)
    target = Decimal(rng.randint(700, 920)) / 10
    lines.append(f'  "6.1.1": {{target: {target}, graduates: {graduates}, employed: {employed}}}')
    own = rng.randint(0, 2)
    assessed = Decimal(rng.randint(0, 4)) / 2
    lines.append(f'  "6.1.2": {{self: {own}, assessed: {assessed}}}')
    lines.append(f'  "6.2": {{count: {rng.randint(0, 3)}}}')
    return "\n".join(lines) + "\n"


def generate(count: int, folder: Path, seed: int = 2024) -> list[Path]:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        path = folder / f"sheet-{index:05d}.yaml"
        path.write_text(sheet_text(index, rng), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args()
    generate(args.count, args.folder, args.seed)
    print(f"wrote {args.count} sheets to {args.folder}")


if __name__ == "__main__":
    main()
