"""A demonstration commune with believable, invented data (`commune-desk demo`).

Everything comes from `random.Random` generators seeded from `seed`, walked in a fixed order,
so the same seed and the same `today` always give the same database. The people are invented;
the commune, its villages and its organisations are generic. The data run from January 2025 to
the month of `today`:

* villages, staff, training courses and their participants, community digital technology
  teams with their members, support activities and community classes, written in bulk;
* a monthly value of every entered element of the catalogue, believable against the plan's
  targets and satisfying every validation rule without needless warnings (stocks never
  decrease; flows stay within the outlier factor of their recent median), written through the
  same validation as a clerk's entry.
"""

from commune_desk.demo.build import DemoSummary, build_demo
from commune_desk.demo.names import COMMUNE_CODE, COMMUNE_NAME, PROVINCE

__all__ = ["COMMUNE_CODE", "COMMUNE_NAME", "PROVINCE", "DemoSummary", "build_demo"]
