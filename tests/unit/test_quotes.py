"""The quote sieve, rule by rule, on short texts written for these tests."""

from __future__ import annotations

import pytest

from briefings.derive.document import Document, Metadata
from briefings.derive.quotes import extract_quotes
from briefings.derive.sentences import split_sentences
from briefings.models import Quote


def quotes_of(*paragraphs: str) -> list[Quote]:
    doc = Document.build(list(paragraphs), set(), Metadata(), split_sentences)
    found = extract_quotes(doc)
    for q in found:  # offsets point at the quote text
        assert doc.text[q.start : q.end] == q.text
        assert doc.paragraphs[q.paragraph].start <= q.start < doc.paragraphs[q.paragraph].end
    return found


def only(*paragraphs: str) -> Quote:
    found = quotes_of(*paragraphs)
    assert len(found) == 1, found
    return found[0]


def test_said_name_role_after_the_quote() -> None:
    q = only(
        "“We are far from done with this market,” said Maria Olsen, "
        "chief economist at Harbour Lane Capital in Oslo."
    )
    assert q.text == "We are far from done with this market"
    assert q.speaker == "Maria Olsen"
    assert q.speaker_role == "chief economist at Harbour Lane Capital"


def test_name_said_after_the_quote_with_straight_marks() -> None:
    q = only('"The bridge will open next spring as planned," Okafor said.')
    assert q.speaker == "Okafor"


def test_title_words_before_the_name_are_the_role() -> None:
    q = only(
        "Speaking in Lyon on Monday, Transport Minister Claire Dumont said: "
        "“Every line will be electric by the end of the decade.”"
    )
    assert q.speaker == "Claire Dumont"
    assert q.speaker_role == "Transport Minister"


def test_name_appositive_said_before_the_quote() -> None:
    q = only(
        "Tomas Berg, a lecturer in hydrology at the state university, said the "
        "floods were “a warning that nobody in the valley can ignore any longer.”"
    )
    assert q.speaker == "Tomas Berg"


def test_according_to_name() -> None:
    q = only("“Prices have stopped climbing for now,” according to Lena Park.")
    assert q.speaker == "Lena Park"


def test_family_name_resolves_to_the_full_name_seen_earlier() -> None:
    found = quotes_of(
        "Harriet Mbeki runs the cooperative that owns the mill.",
        "“We sell everything we grind within a week,” Mbeki said.",
    )
    assert found[0].speaker == "Harriet Mbeki"


def test_family_name_first_names_resolve_too() -> None:
    found = quotes_of(
        "“Demand for the chips has never been higher,” said Zhou Wenjie, an analyst at Brightline.",
        "“Supply will take two years to catch up,” Brightline’s Zhou said.",
    )
    assert [q.speaker for q in found] == ["Zhou Wenjie", "Zhou Wenjie"]


def test_pronoun_takes_the_last_named_speaker() -> None:
    found = quotes_of(
        "Rafael Ortiz, the mayor, defended the budget on Tuesday.",
        "“We cut what we could without closing a single library,” he said.",
    )
    assert found[0].speaker == "Rafael Ortiz"


def test_pronoun_skips_a_person_of_the_other_gender() -> None:
    found = quotes_of(
        "Mrs. Anna Weiss, the head teacher, met Mr. Jonas Roth at the school gates.",
        "“The roof has leaked for three winters now,” she said.",
    )
    assert found[0].speaker == "Anna Weiss"


def test_pronoun_with_nobody_named_gets_no_speaker() -> None:
    q = only("“The water came up faster than anyone expected,” she said.")
    assert q.speaker is None


def test_unclosed_quote_closes_at_the_paragraph_end() -> None:
    q = only("Dana Cole said: “The plant will reopen once the inspectors have finished")
    assert q.text == "The plant will reopen once the inspectors have finished"
    assert q.speaker == "Dana Cole"


def test_unclosed_quote_that_swallowed_its_attribution_is_split() -> None:
    found = quotes_of(
        "Ines Duarte leads the port authority.",
        "“We moved more containers this year than in any year before, she explained.",
    )
    assert found[0].text == "We moved more containers this year than in any year before"
    assert found[0].speaker == "Ines Duarte"


def test_multi_paragraph_quote_keeps_its_speaker() -> None:
    found = quotes_of(
        "“The first phase is finished and it came in under budget,” said Paolo Neri, "
        "the project director. “The second phase starts in May.",
        "“After that we will open the tunnel to freight trains as well.”",
    )
    assert len(found) == 3
    assert {q.speaker for q in found} == {"Paolo Neri"}


def test_unattributed_quote_next_to_an_attributed_one_shares_the_speaker() -> None:
    found = quotes_of(
        "“We will not raise fares this year,” Keiko Sato said. "
        "“Next year is a different question altogether.”"
    )
    assert [q.speaker for q in found] == ["Keiko Sato", "Keiko Sato"]


def test_quote_paragraph_after_a_speaker_introduction() -> None:
    found = quotes_of(
        "Amara Diallo also talked about the harvest.",
        "“The rains came late, but the yields surprised all of us in the end.”",
    )
    assert found[0].speaker == "Amara Diallo"


def test_speech_without_quote_marks_ending_in_name_said() -> None:
    found = quotes_of(
        "Sven Lund owns the ferry company.",
        "I think we will need two more boats before the summer season, Lund said.",
    )
    assert found[0].text.startswith("I think we will need two more boats")
    assert found[0].speaker == "Sven Lund"


def test_first_person_speech_with_he_said_in_the_middle() -> None:
    found = quotes_of(
        "Sven Lund owns the ferry company.",
        "We have already ordered the engines, he said. Our crews are training now.",
    )
    assert found[0].text == "We have already ordered the engines"
    assert {q.speaker for q in found} == {"Sven Lund"}


def test_reported_speech_without_first_person_is_not_a_quote() -> None:
    assert quotes_of("The ferry will run twice a day from June, Lund said.") == []


def test_anonymous_speaker_kept_descriptive() -> None:
    q = only(
        "A Lisbon-based shipping broker said, “Nobody wants to book cargo until the strike ends.”"
    )
    assert q.speaker == "A Lisbon-based shipping broker"


def test_organisation_as_speaker() -> None:
    q = only("“Deliveries will resume on Monday,” the company said in a statement.")
    assert q.speaker == "the company"


def test_scare_quotes_are_not_listed() -> None:
    assert quotes_of("The minister called the plan a “reset” of the whole sector.") == []


def test_attributed_fragment_under_four_words_is_not_listed() -> None:
    assert quotes_of("The bank has “made some progress” on its loans, said Omar Haddad.") == []
    assert quotes_of("“Growth is back,” Omar Haddad said.") == []


def test_short_whole_utterance_with_a_speaker_is_listed() -> None:
    q = only("“Absolutely not!” Greta Lind said when asked about a merger.")
    assert q.speaker == "Greta Lind"


def test_title_of_a_work_is_not_a_quote() -> None:
    assert quotes_of("She starred in “The Long Road Home To Avalon” last year.") == []


def test_quote_with_no_speaker_nearby_gets_none() -> None:
    found = quotes_of(
        "Jon Hale opened the first shop on the street in 1990.",
        "The street changed over the years.",
        "Signs in the windows read “closing down, everything must go today.”",
    )
    assert found[0].speaker is None


def test_a_full_stop_quote_does_not_take_the_next_sentence_subject() -> None:
    found = quotes_of(
        "“The vote is on Thursday and we expect to win it.” Ruth Adler said the count "
        "would take a day."
    )
    assert found[0].speaker is None


@pytest.mark.parametrize(
    "text",
    [
        '"' * 5000,
        "“" * 3000 + "word " * 100,
        'He said "unclosed ' * 2000,
        "Smith, " * 5000 + 'said "hello there my good friend"',
        "A B " * 5000 + "said",
        "“Hello there my good friend,” said Ann Bee. " * 2000,
        "",
        "“”",
    ],
)
def test_adversarial_text_does_not_raise(text: str) -> None:
    quotes_of(text)
