"""Coverage-guided fuzz target (atheris) for the YAML/JSON loader and profile validation.

    pip install atheris            # or: pip install -e '.[fuzz]'
    python fuzz/fuzz_profile.py -max_total_time=300 fuzz/corpus

runs for five minutes from the seed corpus (fuzz/corpus; new inputs that reach new code are
added there). A crash writes `crash-<hash>` in the working directory: copy it into
tests/fuzz_corpus/ (any name) and fix the bug; `tests/test_fuzz_corpus.py` replays every file
there in the normal test suite. See docs/fuzzing.md.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import atheris

with atheris.instrument_imports():
    import yaml  # noqa: F401
    from harness import check_one, rules

    import riskmodel.check.privacy
    import riskmodel.check.profile
    import riskmodel.load.profile
    import riskmodel.load.yamlsource
    import riskmodel.model.values  # noqa: F401


def main() -> None:
    rules()  # load the model once, outside the measured loop
    atheris.Setup(sys.argv, check_one)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
