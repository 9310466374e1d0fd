"""Synthetic, varied news about security concerns: for benchmarks and demo data, never for tests of quality.

Names are made from syllables, so they never collide with the reference gazetteer; places and
agencies are real so the extractor meets what it meets in the news.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

HOSTS = {
    # country: (demonym, security service, screening body, cities)
    "BE": ("Belgian", "State Security Service (VSSE)", "Interfederal Screening Commission", ["Liège", "Antwerp", "Ghent"]),
    "NL": ("Dutch", "General Intelligence and Security Service (AIVD)", "Investment Screening Office", ["Rotterdam", "Eindhoven", "Groningen"]),
    "DE": ("German", "Federal Office for the Protection of the Constitution", "Federal Ministry for Economic Affairs", ["Hamburg", "Duisburg", "Leipzig"]),
    "FR": ("French", "General Directorate for Internal Security (DGSI)", "Directorate General of the Treasury", ["Marseille", "Le Havre", "Lyon"]),
    "GB": ("British", "MI5", "Investment Security Unit", ["Felixstowe", "Manchester", "Cardiff"]),
    "IT": ("Italian", "Internal Information and Security Agency (AISI)", "Golden Power committee", ["Genoa", "Trieste", "Turin"]),
    "SE": ("Swedish", "Swedish Security Service (Säpo)", "Inspectorate of Strategic Products", ["Gothenburg", "Malmö", "Luleå"]),
    "PL": ("Polish", "Internal Security Agency (ABW)", "Office of Competition and Consumer Protection", ["Gdańsk", "Łódź", "Wrocław"]),
    "US": ("American", "Federal Bureau of Investigation (FBI)", "Committee on Foreign Investment in the United States (CFIUS)", ["Houston", "Savannah", "Phoenix"]),
    "CA": ("Canadian", "Canadian Security Intelligence Service (CSIS)", "Investment Review Division", ["Vancouver", "Montreal", "Sudbury"]),
}  # fmt: skip
ORIGINS = {"CN": "Chinese", "HK": "Hong Kong-based", "RU": "Russian", "AE": "Emirati", "SG": "Singapore-based"}
SYLLABLES = ["zan", "lor", "qui", "mer", "tav", "shen", "dro", "kal", "vin", "sor", "hua", "pel", "ryo", "tek", "bao"]
ARMS = ["logistics arm", "shipping unit", "cloud subsidiary", "port operator", "battery unit", "data unit"]
SUFFIXES = ["Holdings", "Group", "Technologies", "Industrial", "Logistics", "Energy", "Networks"]
FACILITIES = [
    ("logistics hub", "at the cargo airport"),
    ("container terminal", "in the port"),
    ("data centre", "on the outskirts"),
    ("battery plant", "in the industrial zone"),
    ("research centre", "near the university"),
]
CONCERNS = [
    ("espionage", "over possible espionage", "monitoring"),
    ("interference", "over possible interference in public decision-making", "monitoring"),
    ("data_access", "because it could give foreign authorities access to sensitive personal data", "under_review"),
    ("critical_infrastructure", "because control of critical infrastructure could be used for military purposes", "under_review"),
    ("technology_transfer", "over the risk of sensitive technology transfer", "blocked"),
]  # fmt: skip
FILLER = [
    "Analysts said the decision reflected a wider rethink of economic security across the region.",
    "The company said it complies with all local laws and has invested heavily in local jobs.",
    "Trade groups warned that stricter rules could deter badly needed investment.",
    "Officials declined to give details, citing the confidentiality of the procedure.",
    "The site employs several hundred people and handles a growing share of regional traffic.",
    "Opposition lawmakers called for a debate on the government's screening powers.",
    "Shares in the group fell slightly in early trading after the report.",
    "Similar reviews have been opened in several other countries over the past two years.",
    "Diplomats said the case could weigh on relations ahead of a planned summit.",
    "Experts noted that the law gives the authorities broad discretion in such cases.",
    "The facility was presented as a flagship project when it opened.",
    "Local officials said they had not been informed of any investigation.",
]


@dataclass
class DemoArticle:
    name: str
    text: str
    company: str
    parent: str
    host: str


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def demo_article(index: int, *, seed: int = 0) -> DemoArticle:
    """One ~400-word plain-text article with a header, reproducible from (index, seed)."""
    rng = random.Random(f"{seed}-{index}")
    host = rng.choice(list(HOSTS))
    demonym, service, screener, cities = HOSTS[host]
    origin_adj = rng.choice(list(ORIGINS.values()))
    parent = f"{_name(rng)} {rng.choice(SUFFIXES)} {index}"
    company = f"{_name(rng)} {rng.choice(['Logistics', 'Cloud', 'Ports', 'Power', 'Materials'])} {index}"
    arm = rng.choice(ARMS)
    facility, where = rng.choice(FACILITIES)
    city = rng.choice(cities)
    concerns = rng.sample(CONCERNS, k=rng.randint(1, 2))
    year = rng.randint(2015, 2023)
    published = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randint(0, 600))
    reasons = " and ".join(c[1] for c in concerns)
    sentences = [
        f"The {demonym} {service.split(' (')[0].lower() if rng.random() < 0.3 else service} is examining the "
        f"{facility} {where} of {city} run by {company}, the {arm} of {origin_adj} group {parent}, {reasons}.",
        f"{parent} denies any wrongdoing and said {company} operates independently.",
        f"{parent} signed an agreement with the {demonym} government in {year} to develop the {facility}.",
        f"The {screener} is reviewing whether the investment needs conditions, people familiar with the matter said.",
        f"{company}, a unit of {parent}, has expanded quickly since opening the site.",
    ]
    body = sentences + rng.sample(FILLER, k=len(FILLER))
    paragraphs, words = [], 0
    while body and words < 380:
        chunk = [body.pop(0) for _ in range(min(2, len(body)))]
        paragraphs.append(" ".join(chunk))
        words += sum(len(s.split()) for s in chunk)
    while words < 380:
        extra = f"{_name(rng).capitalize()} analysts at a {demonym} think tank in {rng.choice(cities)} expect more cases this year as rules tighten and reviews take longer."
        paragraphs.append(extra)
        words += len(extra.split())
    title = f"{demonym} authorities examine {origin_adj} firm's {facility} in {city}"
    url = f"https://demo.example.org/{published:%Y/%m/%d}/{seed}-{index}"
    text = f"Source: {url}\nTitle: {title}\n\nBy Demo Wire\n\n" + "\n\n".join(paragraphs) + "\n"
    return DemoArticle(name=f"demo-{seed}-{index:06d}.txt", text=text, company=company, parent=parent, host=host)
