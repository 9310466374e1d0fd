"""The extractor gives the same output whatever Python's hash seed: no set's order leaks into names or lists."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SCRIPT = """
import dataclasses, json, os
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ["DEBUG"] = "1"
import django
django.setup()
from tracker.demo import demo_article
from tracker.ingest.extract import extract
from tracker.ingest.gazetteer import Gazetteer
from tracker.ingest.types import RawArticle
gaz = Gazetteer.from_data_dir()
texts = [demo_article(i, seed=3).text for i in range(12)]
texts += [t.replace("s", "\u017f", 5) for t in texts[:4]]  # long s: two spellings of one name
# one firm under four forms and a unit named like it: the forms were once matched in the set's order
texts.append(
    "Velmora Semiconductor and the Chinese fund Tiangong Road Capital have called off their merger. Velmora "
    "said its Korean operating subsidiary, Velmora Semiconductor Ltd., would withdraw its application. Velmora "
    "Semiconductor Corp., the parent, is incorporated in Delaware. CFIUS had ordered the parties not to close."
)
texts.append(
    "Alibaba's logistics arm Cainiao runs the hub. AliExpress, Cainiao and Alibaba were named by the "
    "State Security Service, which is monitoring the hub over possible espionage."
)
# two short forms of one name that could each be called its parent: the first in the set's order won
texts.append(
    "Harbourline agreed to sell its stake in Velmar Ports, with 80% of Harbourline Port Holdings, its global "
    "terminals business, to a group formed by BlackRock, its infrastructure arm Global Infrastructure Partners "
    "and Terminal Investment Limited, the port unit of MSC."
)
out = [dataclasses.asdict(extract(RawArticle(source_file="t.txt", format="text", title="", text=t), gaz))
       for t in texts]
print(json.dumps(out, sort_keys=True, default=str))
"""


def test_the_output_does_not_depend_on_the_hash_seed() -> None:
    root = Path(__file__).resolve().parent.parent
    outputs = set()
    for seed in ("0", "1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", SCRIPT], cwd=root, env=env, capture_output=True, text=True, timeout=300, check=True
        )
        outputs.add(done.stdout)
    assert len(outputs) == 1
