from commune_desk.app import run

raise SystemExit(run())
