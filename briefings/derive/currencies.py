"""Currencies as news text writes them: symbols before the number, words after.

``PREFIX`` matches a currency written before a number ("US$", "€", "HK$",
"EUR "), ``SUFFIX`` one written after it ("yuan", "Hong Kong dollars",
"14 billion euros", "300 million USD"). Both map to ISO 4217 codes.
"""

from __future__ import annotations

import re
from typing import Final

PREFIX_CURRENCY: Final = {
    "$": "USD",
    "US$": "USD",
    "USD": "USD",
    "HK$": "HKD",
    "NT$": "TWD",
    # Taiwanese outlets write T$ for the New Taiwan dollar.
    "T$": "TWD",
    "A$": "AUD",
    "AU$": "AUD",
    "C$": "CAD",
    "CA$": "CAD",
    "S$": "SGD",
    "NZ$": "NZD",
    "R$": "BRL",
    "MX$": "MXN",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",  # or CNY: see ``read_quantities(yen=...)``
    "₹": "INR",
    "₩": "KRW",
    "₽": "RUB",
    "Rs": "INR",
    "RMB": "CNY",
    # Currencies other countries' outlets write before the number.
    "RM": "MYR",
    "Rp": "IDR",
    "KSh": "KES",
    "Ksh": "KES",
    "N$": "NAD",
    "₦": "NGN",
    "₱": "PHP",
    "₺": "TRY",
    "฿": "THB",
}
ISO_CODES: Final = (
    "USD|EUR|GBP|JPY|CNY|RMB|HKD|TWD|AUD|CAD|CHF|SGD|INR|KRW|NZD|BRL|MXN|RUB|ZAR|SEK|NOK|DKK"
    "|AED|SAR|TRY|THB|MYR|IDR|PHP|VND|NGN|KES|EGP|PLN|CZK|HUF|ILS"
)
PREFIX: Final = re.compile(
    rf"(?:(?<![A-Za-z])(?:US|HK|NT|T|AU|A|CA|C|S|NZ|R|MX|N)?\$|[€£¥₹₩₽₦₱₺฿]"
    rf"|(?<![A-Za-z])(?:{ISO_CODES}|Rs\.?|RM|Rp|KSh|Ksh)\s?)$"
)
SUFFIX_CURRENCY: Final = {
    "dollar": "USD",
    "us dollar": "USD",
    "hong kong dollar": "HKD",
    "australian dollar": "AUD",
    "canadian dollar": "CAD",
    "singapore dollar": "SGD",
    "taiwan dollar": "TWD",
    "new taiwan dollar": "TWD",
    "new zealand dollar": "NZD",
    "yuan": "CNY",
    "renminbi": "CNY",
    "euro": "EUR",
    "pound": "GBP",
    "british pound": "GBP",
    "egyptian pound": "EGP",
    "mexican peso": "MXN",
    "indian rupee": "INR",
    "pakistani rupee": "PKR",
    "pounds sterling": "GBP",
    "sterling": "GBP",
    "yen": "JPY",
    "won": "KRW",
    "rupee": "INR",
    "rouble": "RUB",
    "ruble": "RUB",
    "swiss franc": "CHF",
    "franc": "CHF",
    "rand": "ZAR",
    "ringgit": "MYR",
    "baht": "THB",
    "real": "BRL",
    "reais": "BRL",
    "lira": "TRY",
    "dirham": "AED",
    "riyal": "SAR",
    "naira": "NGN",
    "rupiah": "IDR",
    "krona": "SEK",
    "kronor": "SEK",
    "peso": "MXN",
}
SUFFIX: Final = re.compile(
    r"\s(?:(US|Hong Kong|Australian|Canadian|Singapore|New Taiwan|Taiwan|New Zealand|British"
    r"|Egyptian|Mexican|Indian|Pakistani) )?"
    r"(dollars?|yuan|renminbi|[eE]uros?|pounds sterling|pounds?|sterling|yen|won|rupees?|roubles?"
    r"|rubles?|Swiss francs?|francs?|rand|ringgit|baht|reais|real|lira|dirhams?|riyals?|naira"
    r"|kronor|krona|pesos?|rupiah)\b"
    rf"|\s({ISO_CODES})\b"
)
