"""Time the scoring engine: 10,000 candidates x 8 competencies x 3 submitted scorecards, in memory.

Run from the repository root: `.venv/bin/python bench/scoring.py [candidates] [runs]`.
Prints the median microseconds per candidate for evaluate() (wall clock and CPU time, the latter steady on a
shared machine) and for rank() separately. As timeit does, the
garbage collector is paused while timing: otherwise a full collection over the 10,000 fresh evaluations
lands in whichever step happens to allocate next (usually rank) and triples it. Likewise the previous run's
results are dropped outside the timed sections, so freeing them is not billed to anyone.
"""

from __future__ import annotations

import gc
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hiring.domain.ranking import rank  # noqa: E402
from hiring.domain.scoring import evaluate  # noqa: E402
from hiring.domain.values import (  # noqa: E402
    CandidateData,
    CompetencySpec,
    CustomRule,
    EducationRule,
    ExperienceRule,
    LanguageRule,
    Requirements,
    ScorecardData,
)

COMPETENCIES = (
    CompetencySpec("NEG", 20, 3.0),
    CompetencySpec("REL", 15),
    CompetencySpec("ANA", 15),
    CompetencySpec("IND", 10),
    CompetencySpec("ORD", 10),
    CompetencySpec("ACC", 10),
    CompetencySpec("CLM", 10),
    CompetencySpec("TIM", 10),
)
REQUIREMENTS = Requirements(
    EducationRule("bachelor", True, ("business", "economics", "management")),
    ExperienceRule(3, 1, 100),
    (LanguageRule("en", "B2", True),),
    (CustomRule(0, "Ready to travel", True),),
)
LEVELS = ("incomplete_higher", "bachelor", "bachelor", "specialist", "master", "master")
CEFR = ("B2", "C1", "C2", "native")


def build(count: int, seed: int = 2024) -> list[tuple[CandidateData, list[ScorecardData]]]:
    """Seeded candidates, each with three submitted scorecards rating every competency (a few left out)."""
    rnd = random.Random(seed)
    data = []
    for candidate_id in range(1, count + 1):
        candidate = CandidateData(
            id=candidate_id,
            full_name=f"Candidate {candidate_id}",
            education_level=rnd.choice(LEVELS),
            education_field=rnd.choice(("economics", "law", "management")),
            experience_years=round(rnd.uniform(1, 12), 1),
            plan_attainment_pct=round(rnd.uniform(70, 140)),
            languages={"en": rnd.choice(CEFR)},
            check_answers={0: rnd.random() < 0.95} if rnd.random() < 0.9 else {},
        )
        cards = [
            ScorecardData(
                interviewer_id=interviewer_id,
                submitted=True,
                ratings={
                    spec.code: rnd.randint(1, 5) if rnd.random() < 0.95 else None for spec in COMPETENCIES
                },
                verified_languages={"en": rnd.choice(CEFR[:3])} if rnd.random() < 0.3 else {},
                recommendation=rnd.choice(("strong_no", "no", "yes", "strong_yes")),
            )
            for interviewer_id in rnd.sample(range(1, 40), 3)
        ]
        data.append((candidate, cards))
    return data


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    data = build(count)
    evaluate_times, rank_times, evaluate_cpu = [], [], []
    evaluations: list = []
    ranked: list = []
    for _ in range(runs):
        evaluations = ranked = []
        gc.collect()
        gc.disable()
        start, start_cpu = time.perf_counter(), time.thread_time()
        evaluations = [evaluate(COMPETENCIES, REQUIREMENTS, candidate, cards) for candidate, cards in data]
        evaluate_times.append(time.perf_counter() - start)
        evaluate_cpu.append(time.thread_time() - start_cpu)
        start = time.perf_counter()
        ranked = rank(evaluations)
        rank_times.append(time.perf_counter() - start)
        gc.enable()
    per_evaluate = statistics.median(evaluate_times) / count * 1e6
    per_rank = statistics.median(rank_times) / count * 1e6
    bands: dict[str, int] = {}
    for evaluation in ranked:
        bands[evaluation.band] = bands.get(evaluation.band, 0) + 1
    print(f"{count} candidates x {len(COMPETENCIES)} competencies x 3 scorecards, median of {runs} runs")
    print(f"evaluate: {per_evaluate:.1f} us per candidate ({statistics.median(evaluate_times) * 1e3:.0f} ms)")
    # CPU time of this thread: what the figure would be on an idle machine (the wall clock counts waiting for a core)
    print(f"evaluate: {statistics.median(evaluate_cpu) / count * 1e6:.1f} us CPU per candidate")
    print(f"rank:     {per_rank:.2f} us per candidate ({statistics.median(rank_times) * 1e3:.1f} ms)")
    print("bands:", ", ".join(f"{band} {n}" for band, n in sorted(bands.items())))


if __name__ == "__main__":
    main()
