"""The demo's records (villages, staff, courses, participants, teams, members, activities,
classes), planned in memory from seeded generators, and the plan's monthly values."""

from __future__ import annotations

import datetime as dt
import itertools
import math
import random
from typing import Any

from commune_desk.demo.names import (
    ACTIVITY_NOTES,
    CLASS_TOPICS,
    COMMUNE_NAME,
    COURSES,
    COVERAGE_PLAN,
    DEPUTY_AFFILIATIONS,
    DX_TOPICS,
    FIRST_DAY,
    FIRST_MONTH,
    HORIZON,
    LEADER_AFFILIATIONS,
    MEMBER_AFFILIATIONS,
    PEAK_NOTE,
    PEAK_PEOPLE,
    PEAK_SHARE,
    PEOPLE_RANGE,
    SEASON,
    STAFF_JOINERS,
    STAFF_LEAVING,
    STAFF_POSITIONS,
    TYPE_WEIGHTS_EARLY,
    TYPE_WEIGHTS_LATE,
    VILLAGES,
    Names,
)
from commune_desk.demo.values import Series
from commune_desk.domain.catalogue import Catalogue
from commune_desk.domain.periods import Mode, Period, months_between
from commune_desk.services.values import ValueChange

# ------------------------------------------------------------------------------- planning


def _rng(seed: int, part: str) -> random.Random:
    """An independent generator per part, so that one part's draws do not shift another's."""
    return random.Random(f"commune-desk-demo:{seed}:{part}")


def _day(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randint(0, max((end - start).days, 0)))


def _coverage_target(day: dt.date) -> float:
    """The planned share of trained staff on `day`, linear between the plan's points."""
    points = COVERAGE_PLAN
    if day >= points[-1][0]:
        return points[-1][1]
    for (d0, v0), (d1, v1) in itertools.pairwise(points):
        if d0 <= day <= d1:
            return v0 + (v1 - v0) * (day - d0).days / (d1 - d0).days
    return 0.0


def _active(person: dict[str, Any], start: dt.date, end: dt.date) -> bool:
    return person["start_date"] <= start and (
        person["end_date"] is None or person["end_date"] >= end
    )


class Plan:
    """Every record and monthly value of the demo, built in memory before anything is written."""

    def __init__(self, catalogue: Catalogue, seed: int, today: dt.date) -> None:
        self.catalogue = catalogue
        self.seed = seed
        self.today = today
        self.months = months_between(FIRST_MONTH, Period.month(today.year, today.month))
        self.names = Names(_rng(seed, "names"))
        self.villages = self._villages()
        self.staff = self._staff(_rng(seed, "staff"))
        self.trainings, self.participants = self._courses(_rng(seed, "courses"))
        self.teams, self.members = self._teams(_rng(seed, "teams"))
        self.activities = self._activities(_rng(seed, "activities"))
        self.classes = self._classes(_rng(seed, "classes"))

    # -- records -------------------------------------------------------------------------
    def _villages(self) -> list[dict[str, Any]]:
        return [
            {"code": f"T{i:02d}", "name": name, "kind": kind, "active": True}
            for i, (name, kind) in enumerate(VILLAGES, start=1)
        ]

    def _staff(self, rng: random.Random) -> list[dict[str, Any]]:
        people: list[dict[str, Any]] = []

        def add(
            position: str,
            group: str,
            steering: bool,
            gender: str,
            years: tuple[int, int],
            start: dt.date | None,
        ) -> None:
            gender = gender or self.names.gender()
            birth = rng.randint(*years)
            if start is None:
                first = min(birth + 22, 2024)
                start = dt.date(rng.randint(first, 2024), rng.randint(1, 12), 1)
            people.append(
                {
                    "code": f"CB{len(people) + 1:02d}",
                    "full_name": self.names.person(gender),
                    "gender": gender,
                    "birth_year": birth,
                    "position": position,
                    "group": group,
                    "steering_member": steering,
                    "phone": self.names.phone(),
                    "start_date": start,
                    "end_date": None,
                }
            )

        for position, group, steering, gender, years in STAFF_POSITIONS:
            add(position, group, steering, gender, years, None)
        leaving = rng.sample([p for p in people if not p["steering_member"]], len(STAFF_LEAVING))
        for person, end in zip(leaving, STAFF_LEAVING, strict=True):
            if end <= self.today:
                person["end_date"] = end
        for start, position, group, years in STAFF_JOINERS:
            if start <= self.today:
                add(position, group, False, "", years, start)
        return people

    def _courses(self, rng: random.Random) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        courses: list[dict[str, Any]] = []
        participants: list[dict[str, Any]] = []
        trained: set[str] = set()  # staff codes with a completed dx/digital_skills course
        per_year: dict[int, int] = {}
        for year, month, topics, title, hours, mode, organizer, size in COURSES:
            start = dt.date(year, month, rng.randint(3, 12))
            days = 1 if hours <= 8 else 2 if hours <= 16 else 14
            end = start + dt.timedelta(days=days - 1)
            if end > self.today:
                continue
            per_year[year] = per_year.get(year, 0) + 1
            code = f"BD{year % 100:02d}-{per_year[year]:02d}"
            courses.append(
                {
                    "code": code,
                    "title": title,
                    "topics": topics,
                    "start_date": start,
                    "end_date": end,
                    "hours": float(hours),
                    "organizer": organizer,
                    "mode": mode,
                }
            )
            eligible = [p for p in self.staff if _active(p, start, end)]
            k = rng.randint(*size)
            chosen: list[tuple[dict[str, Any], bool]] = []
            if len(courses) == 1:  # the first course: the steering committee
                chosen = [(p, True) for p in eligible if p["steering_member"]]
            if any(t in DX_TOPICS for t in topics):
                active_now = [p for p in self.staff if _active(p, end, end)]
                done = sum(1 for p in active_now if p["code"] in trained)
                wanted = math.ceil(_coverage_target(end) * len(active_now))
                taken = {p["code"] for p, _ in chosen}
                fresh = [p for p in eligible if p["code"] not in trained and p["code"] not in taken]
                rng.shuffle(fresh)
                new = fresh[: max(0, wanted - done - len(chosen))]
                chosen += [(p, True) for p in new]
            taken = {p["code"] for p, _ in chosen}
            others = [p for p in eligible if p["code"] not in taken]
            if any(t in DX_TOPICS for t in topics):  # refreshers: already trained people
                others = [p for p in others if p["code"] in trained]
            extra = rng.sample(others, min(len(others), max(0, k - len(chosen))))
            chosen += [(p, rng.random() < 0.92) for p in extra]
            chosen.sort(key=lambda item: item[0]["code"])
            for person, completed in chosen:
                participants.append(
                    {"training_code": code, "staff_code": person["code"], "completed": completed}
                )
                if completed and any(t in DX_TOPICS for t in topics):
                    trained.add(person["code"])
        return courses, participants

    def _teams(self, rng: random.Random) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        teams: list[dict[str, Any]] = []
        members: list[dict[str, Any]] = []
        leader = next(
            (p for p in self.staff if p["position"].startswith("Phó Chủ tịch UBND")), None
        )
        commune_team = {
            "code": "TCN-XA",
            "name": f"Tổ công nghệ số cộng đồng xã {COMMUNE_NAME.removeprefix('Xã ')}",
            "level": "commune",
            "village_code": None,
            "established_on": dt.date(2024, rng.randint(3, 9), rng.randint(1, 28)),
            "dissolved_on": None,
        }
        plans = [(commune_team, None)]
        late = set(rng.sample(range(len(self.villages)), 5))  # teams founded in 2025
        for index, village in enumerate(self.villages):
            if index in late:
                established = dt.date(2025, rng.randint(1, 5), rng.randint(1, 28))
            else:
                established = dt.date(2024, rng.randint(2, 12), rng.randint(1, 28))
            team = {
                "code": f"TCN-{village['code']}",
                "name": f"Tổ công nghệ số cộng đồng {village['name']}",
                "level": "village",
                "village_code": village["code"],
                "established_on": established,
                "dissolved_on": None,
            }
            plans.append((team, village))
        for team, village in plans:
            if team["established_on"] > self.today:
                continue
            teams.append(team)
            size = rng.randint(7, 9) if village is None else rng.randint(5, 9)
            deputies = rng.choice((1, 1, 2))
            for position in range(size):
                if position == 0:
                    role = "to_truong"
                    affiliation = "khac" if village is None else rng.choice(LEADER_AFFILIATIONS)
                elif position <= deputies:
                    role, affiliation = "to_pho", rng.choice(DEPUTY_AFFILIATIONS)
                else:
                    role, affiliation = "thanh_vien", rng.choice(MEMBER_AFFILIATIONS)
                gender = (
                    "nu"
                    if affiliation == "hoi_phu_nu"
                    else ("nam" if affiliation == "hoi_cuu_chien_binh" else self.names.gender())
                )
                if village is None and position == 0 and leader is not None:
                    name, gender, phone = leader["full_name"], leader["gender"], leader["phone"]
                else:
                    name, phone = self.names.person(gender), self.names.phone()
                joined = team["established_on"]
                if position > 2 and rng.random() < 0.15:
                    joined = _day(rng, max(joined, FIRST_DAY), self.today)
                left = None
                if position > 2 and rng.random() < 0.07:
                    earliest = max(joined + dt.timedelta(days=90), FIRST_DAY)
                    if earliest < self.today:
                        left = _day(rng, earliest, self.today)
                members.append(
                    {
                        "team_code": team["code"],
                        "full_name": name,
                        "role": role,
                        "affiliation": affiliation,
                        "gender": gender,
                        "phone": phone,
                        "joined_on": joined,
                        "left_on": left,
                    }
                )
        return teams, members

    def _activities(self, rng: random.Random) -> list[dict[str, Any]]:
        vocab = self.catalogue.vocab.get("activity_type") or {t: t for t in TYPE_WEIGHTS_LATE}
        types = tuple(vocab)
        village_codes = [v["code"] for v in self.villages]
        rows: list[dict[str, Any]] = []
        for team in self.teams:
            for month in self.months:
                window = month.window(Mode.CALENDAR)
                start = max(window.start, team["established_on"], FIRST_DAY)
                end = min(window.end, self.today)
                if end < start:
                    continue
                share = (end - start).days + 1
                base = rng.randint(10, 14) if team["level"] == "commune" else rng.randint(4, 9)
                count = max(1, round(base * SEASON[month.index] * share / window.days))
                progress = min(self.months.index(month) / HORIZON, 1.0)
                weights = [
                    TYPE_WEIGHTS_EARLY.get(t, 1) * (1 - progress)
                    + TYPE_WEIGHTS_LATE.get(t, 1) * progress
                    for t in types
                ]
                seen: set[tuple[dt.date, str, str]] = set()
                for _ in range(count):
                    for _attempt in range(20):
                        day = _day(rng, start, end)
                        if day.weekday() == 6 and rng.random() < 0.7:
                            continue  # fewer sessions on Sundays
                        kind = rng.choices(types, weights)[0]
                        village = team["village_code"] or rng.choice(village_codes)
                        if (day, kind, village) not in seen:
                            break
                    else:
                        continue
                    seen.add((day, kind, village))
                    low, high, mode = PEOPLE_RANGE.get(kind, (1, 12, 4))
                    people = round(rng.triangular(low, high, mode))
                    note = rng.choice(ACTIVITY_NOTES)
                    if kind in PEOPLE_RANGE and rng.random() < PEAK_SHARE:
                        people, note = rng.randint(*PEAK_PEOPLE), PEAK_NOTE
                    rows.append(
                        {
                            "team_code": team["code"],
                            "date": day,
                            "type": kind,
                            "people_supported": people,
                            "village_code": village,
                            "note": note,
                        }
                    )
        rows.sort(key=lambda r: (r["date"], r["team_code"], r["type"]))
        return rows

    def _classes(self, rng: random.Random) -> list[dict[str, Any]]:
        leaders = {m["team_code"]: m["full_name"] for m in self.members if m["role"] == "to_truong"}
        teachers = [p["full_name"] for p in self.staff if p["group"] in ("cong_chuc", "vien_chuc")]
        rows: list[dict[str, Any]] = []
        per_year: dict[int, int] = {}
        for month in self.months:
            window = month.window(Mode.CALENDAR)
            end = min(window.end, self.today)
            count = rng.randint(1, 2) if month.index == 2 else rng.randint(3, 5)
            count = round(count * ((end - window.start).days + 1) / window.days)
            days = sorted(_day(rng, window.start, end) for _ in range(count))
            for day in days:
                per_year[day.year] = per_year.get(day.year, 0) + 1
                village = rng.choice(self.villages)["code"]
                instructor = leaders.get(f"TCN-{village}") if rng.random() < 0.6 else None
                rows.append(
                    {
                        "code": f"L{day.year}-{per_year[day.year]:03d}",
                        "date": day,
                        "topic": rng.choice(CLASS_TOPICS),
                        "participants": rng.randint(15, 60),
                        "village_code": village,
                        "instructor": instructor or rng.choice(teachers),
                    }
                )
        return rows

    # -- monthly values --------------------------------------------------------------------
    def value_changes(self, villages: int) -> list[ValueChange]:
        """A value of every entered element for every month, in month and catalogue order."""
        series = Series(self.catalogue, _rng(self.seed, "values"), villages)
        changes = []
        for i, month in enumerate(self.months):
            values = series.month(i, month)
            changes += [
                ValueChange(e.code, month.key, values[e.code])
                for e in self.catalogue.entry_elements()
            ]
        return changes
