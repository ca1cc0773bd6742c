# Commune Desk — the two commands for a fresh machine are `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
export QT_QPA_PLATFORM ?= $(if $(DISPLAY)$(WAYLAND_DISPLAY),,offscreen)

.PHONY: run test ui translations bundle screenshots bench lint format clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

BUNDLE_STAMP := $(VENV)/.installed-bundle
$(BUNDLE_STAMP): $(STAMP)
	$(PY) -m pip install --quiet -e '.[test,bundle]'
	touch $(BUNDLE_STAMP)

# Compile Qt Designer forms (ui/*.ui) into src/commune_desk/views/forms/.
ui: $(STAMP)
	$(PY) packaging/build_forms.py

# Compile translations (resources/translations/*.ts) into .qm files.
translations: $(STAMP)
	$(PY) packaging/build_translations.py

run: $(STAMP) ui translations
	$(PY) -m commune_desk gui --demo

test: $(STAMP) ui translations
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

# The Windows-ready one-folder program, dist/commune-desk/ (built for the machine it runs on);
# check it with `dist/commune-desk/commune-desk selftest`. The installer: packaging/installer.iss.
bundle: $(BUNDLE_STAMP) ui translations
	$(PY) -m PyInstaller --noconfirm --log-level WARN --distpath dist \
		--workpath build/pyinstaller packaging/commune_desk.spec

# The user guide's pictures: docs/screenshots/*.png from the real window (packaging/screenshots.py).
screenshots: $(STAMP) ui translations
	QT_QPA_PLATFORM=offscreen $(PY) packaging/screenshots.py

bench: $(STAMP) ui translations bundle
	$(PY) benchmarks/indicators.py
	$(PY) benchmarks/window.py
	$(PY) benchmarks/export.py
	$(PY) benchmarks/charts.py
	$(PY) benchmarks/consolidate.py
	$(PY) benchmarks/imports.py
	$(PY) benchmarks/lock_guard.py
	$(PY) benchmarks/engines.py --no-country
	$(PY) benchmarks/bundle.py

lint: $(STAMP)
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports

format: $(STAMP)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache
