"""Cue constructions the attribution sieve reads (issue #14), on texts written for these tests."""

from __future__ import annotations

from briefings.derive.document import Document, Metadata
from briefings.derive.quotes import extract_quotes
from briefings.derive.sentences import split_sentences
from briefings.models import Quote


def quotes_of(*paragraphs: str) -> list[Quote]:
    doc = Document.build(list(paragraphs), set(), Metadata(), split_sentences)
    return extract_quotes(doc)


def speaker_of(quote_start: str, *paragraphs: str) -> str | None:
    found = [q for q in quotes_of(*paragraphs) if q.text.startswith(quote_start)]
    assert len(found) == 1, quotes_of(*paragraphs)
    return found[0].speaker


def test_answered_and_pressed_are_speech_verbs() -> None:
    paras = (
        "Talk-show host Marta Quell interviewed Senator Ivo Brandt on Monday.",
        "“Would the tax cut reach the middle class at all?” Quell pressed. "
        "“Or only the very top earners, as critics say?”",
        "“I would put it this way,” Brandt answered. “Every family gets something.”",
    )
    assert speaker_of("Or only", *paras) == "Marta Quell"
    assert speaker_of("Every family", *paras) == "Ivo Brandt"


def test_contracted_auxiliary_glued_to_the_pronoun() -> None:
    paras = (
        "The novelist Arlo Penning rarely explained his books to anyone at all.",
        "When readers asked him about the endings, he’d tell them, “I have no wish to spoil the fun.”",
    )
    assert speaker_of("I have no wish", *paras) == "Arlo Penning"


def test_full_name_right_before_a_colon() -> None:
    paras = (
        "The rise of the small party does not surprise veteran pollster Dana Whitcombe: "
        "“Voters here have always liked an outsider in a bad year.”",
    )
    assert speaker_of("Voters here", *paras) == "Dana Whitcombe"


def test_name_after_a_preposition_before_a_colon_is_not_the_speaker() -> None:
    paras = (
        "Many columns were written about Dana Whitcombe: “A pollster who never misses a "
        "turn in the mood of the country.”",
    )
    found = [q for q in quotes_of(*paras) if q.text.startswith("A pollster")]
    assert all(q.speaker != "Dana Whitcombe" for q in found)


def test_paragraph_ending_in_a_colon_introduces_the_next_quote() -> None:
    paras = (
        "When the mill closed in 1990, Governor Ruth Calloway released the following statement:",
        "“Our thoughts are with every family that built this town and its mill.”",
    )
    assert speaker_of("Our thoughts", *paras) == "Ruth Calloway"


def test_parenthetical_speech_verb_reports_the_clause_after_it() -> None:
    paras = (
        "“Turnout will be low,” said Tomas Ekberg, a lecturer at the Kessel Institute.",
        'In contrast, Ekberg said, there are more voters "who believe, rightly or not, that the '
        'race is already decided."',
    )
    assert speaker_of("who believe", *paras) == "Tomas Ekberg"


def test_subordinate_clause_before_a_comma_is_not_a_cue() -> None:
    paras = (
        "As Mayor Lena Hoyt spoke, the crowd outside held up banners with “we want the park "
        "back now” on them.",
    )
    found = quotes_of(*paras)
    assert all(q.speaker != "Lena Hoyt" for q in found)


def test_words_reported_by_an_office_belong_to_the_inner_speaker() -> None:
    paras = (
        "Prosecutors said Gareth Pollwick, 41, made several calls to the council last spring.",
        "During one call, he shouted at a clerk and said, “somebody ought to burn this place to "
        "the ground,” the prosecutor’s office said.",
    )
    assert speaker_of("somebody ought", *paras) == "Gareth Pollwick"


def test_copular_gender_rules_a_woman_out_of_he() -> None:
    paras = (
        "Darnell Fisk, 52, is accused of threatening the councillor Amani Roe.",
        "Roe is one of the first two women elected to the county board.",
        "A clerk recalled that he said, “I will make her pay for this vote.”",
    )
    assert speaker_of("I will make her", *paras) == "Darnell Fisk"


def test_shot_back_is_a_speech_verb() -> None:
    paras = (
        "Candidate Nora Villet accused her rival of dodging the debate.",
        "“Nora wants to be the tough one tonight,” Harlan Moss shot back. “Let me finish.”",
    )
    assert speaker_of("Nora wants", *paras) == "Harlan Moss"


def test_verb_first_cue_said_name() -> None:
    paras = (
        "The old cinema on Mill Street reopened on Saturday after ten years.",
        "Said Edna Farrow, who sold tickets there as a girl, “We were all so happy to be back.”",
    )
    assert speaker_of("We were all so happy", *paras) == "Edna Farrow"


def test_according_to_leading_a_reported_clause() -> None:
    paras = (
        "According to Ines Barholm, shortly before the sale the gallery’s owner “was already "
        "packing up the paintings one by one.”",
    )
    assert speaker_of("was already packing", *paras) == "Ines Barholm"


def test_family_name_with_two_letters_swapped_is_the_same_person() -> None:
    paras = (
        "Former park ranger Colin Varnsey has written a memoir about the flood.",
        "“The river rose faster than any of us had ever seen,” Varnsey said.",
        "Vransey went on to say, “We lost the whole valley road in a single night.”",
    )
    assert speaker_of("We lost the whole", *paras) == "Colin Varnsey"


def role_of(quote_start: str, *paragraphs: str) -> str | None:
    found = [q for q in quotes_of(*paragraphs) if q.text.startswith(quote_start)]
    assert len(found) == 1, quotes_of(*paragraphs)
    return found[0].speaker_role


def test_role_after_a_name_suffix_and_through_an_abbreviation() -> None:
    paras = (
        "Harold T. Brennick Jr., the U.S. Attorney for the Northern District of Ohio, said "
        "the case was closed.",
        "“Threats against election workers will be prosecuted,” Brennick said.",
    )
    assert role_of("Threats against", *paras) == "U.S. Attorney for the Northern District of Ohio"


def test_ranked_before_the_name_is_carried_to_later_quotes() -> None:
    paras = (
        "The top-ranked Ilya Petrosyan won the opening match in straight sets.",
        "“Every point tonight felt like a final,” Petrosyan said.",
    )
    assert role_of("Every point", *paras) == "top-ranked"


def test_subject_with_an_apposition_missing_its_closing_comma() -> None:
    paras = (
        "Warren Oakes, a former bodyguard for Governor Carl Fenning has written a memoir "
        "about his years on the job.",
        "A newspaper has printed an excerpt. In it, the author wrote, “Nobody who worked "
        "there ever forgot the night of the flood.”",
        "He went on to say, “We did what we could and it was never enough for anyone.”",
    )
    assert speaker_of("Nobody who worked", *paras) == "Warren Oakes"
    assert speaker_of("We did what we could", *paras) == "Warren Oakes"


def test_roman_numeral_suffix_keeps_a_person() -> None:
    q = quotes_of(
        "“We back the governor all the way,” Conrad Ashby III, founder of the Ridgeline "
        "Forum, tells the local paper."
    )
    # a person all the same, named without the post-nominal (issue #14: "Jr", "III", "QC")
    assert [x.speaker for x in q] == ["Conrad Ashby"]


def test_but_coordinated_speech_verb_takes_the_sentence_subject() -> None:
    paras = (
        "Mayor Greta Lindqvist did not name her critics, but told the crowd, “Our town is "
        "not for sale to anyone.”",
    )
    assert speaker_of("Our town is not", *paras) == "Greta Lindqvist"


def test_long_opening_phrase_before_the_subject() -> None:
    paras = (
        "Appearing before a crowd of cheering supporters on Monday morning at the party "
        "headquarters, Alia Moreno, 61, said it was too early to celebrate but added, "
        "“I think you all know what the results will be.”",
    )
    assert speaker_of("I think you all know", *paras) == "Alia Moreno"


def test_to_which_clause_before_the_speech_verb() -> None:
    paras = (
        "Senator Hal Byers defended the plan at length, to which Tomas Reyes interjected: "
        "“That is simply not true.”",
    )
    assert speaker_of("That is simply", *paras) == "Tomas Reyes"


def test_gerund_with_its_own_subject_after_with() -> None:
    paras = (
        "Protesters were dragged from the hall, with Governor Pia Salas reportedly yelling: "
        "“Get them out of here right now!”",
    )
    assert speaker_of("Get them out", *paras) == "Pia Salas"


def test_digest_line_with_an_initial_and_a_from_source() -> None:
    paras = (
        "Independents can vote in the primary in this state.",
        "SMALL STATES GAIN GROUND - Harriet K. Dobson: “Our survey finds the shift is "
        "real and it is growing.”",
        "What it means for the autumn - More from Dobson: “The map has simply changed.”",
    )
    assert speaker_of("Our survey finds", *paras) == "Harriet K. Dobson"
    assert speaker_of("The map has simply", *paras) == "Harriet K. Dobson"


def test_possessive_response_before_a_colon() -> None:
    paras = (
        "An aide told Governor Rhea Talbot about the delay in an email. Talbot’s response "
        "was: “Is the bridge open or not?”",
    )
    assert speaker_of("Is the bridge open", *paras) == "Rhea Talbot"


def test_colon_paragraph_whose_subject_follows_a_dash() -> None:
    paras = (
        "When the hosts turned to snark—and how tempting that can be!— Ivo Marsh called "
        "them on it:",
        "“The questions tonight show exactly why nobody trusts this network.”",
    )
    assert speaker_of("The questions tonight", *paras) == "Ivo Marsh"


def test_acronym_organisation_speaks_and_its_next_quote_follows() -> None:
    paras = (
        "“The rumours have hurt our staff and our clients,” KWR said in a statement. "
        "“We will not comment further on personal matters.”",
    )
    found = quotes_of(*paras)
    assert [q.speaker for q in found] == ["KWR", "KWR"]


def test_quote_paragraph_signed_by_a_dash_line() -> None:
    paras = (
        "quotable.",
        "“A fine speech tonight. She is tested and she is ready.”",
        "-Governor Lena Marsh, writing after the convention speech.",
    )
    assert speaker_of("A fine speech", *paras) == "Lena Marsh"


def test_dash_line_does_not_sign_a_quote_with_narration_around_it() -> None:
    paras = (
        "The crowd cheered when the mayor said “we are not done yet” at the rally.",
        "- Lena Marsh, reporting from the square.",
    )
    found = [q for q in quotes_of(*paras) if q.speaker == "Lena Marsh"]
    assert found == []


def test_opening_preposition_without_comma_is_no_speaker() -> None:
    paras = (
        "Lena Morrow ran the call centre for a decade.",
        "During one call she shouted at the staff and said “You will all be fired by Friday.”",
        "Throughout the meeting he laughed and said “Nobody here reads the memos anyway.”",
    )
    assert speaker_of("You will all", *paras) == "Lena Morrow"
    assert speaker_of("Nobody here", *paras) not in ("Throughout", "During")


def test_sentence_opening_function_words_are_no_names() -> None:
    from briefings.derive.names import looks_like_person, split_title

    for word in ("During", "Throughout", "Perhaps", "Although", "Several", "Amid"):
        assert not looks_like_person(word), word
    assert split_title("Amid Tom Belcher")[1] == "Tom Belcher"


def test_a_run_after_the_is_not_a_fuller_name() -> None:
    paras = (
        "Supporters of the senator packed onto the Brandt Express for the rally.",
        "“We will win this state by a mile,” Brandt said.",
    )
    assert speaker_of("We will win", *paras) == "Brandt"


def test_occupation_opening_a_sentence_is_a_role_not_part_of_the_name() -> None:
    paras = (
        "Novelist Arlo Penning said the book took him ten years to finish.",
        "“I wrote every page twice before anyone saw it,” Penning said.",
        "Farmer Tom Belcher said: “The rain never came this summer at all.”",
    )
    found = {q.text[:8]: q for q in quotes_of(*paras)}
    assert found["I wrote "].speaker == "Arlo Penning"
    assert (found["I wrote "].speaker_role or "").lower() == "novelist"
    assert found["The rain"].speaker == "Tom Belcher"
    assert (found["The rain"].speaker_role or "").lower() == "farmer"


def test_given_name_or_short_run_after_an_occupation_word_keeps_the_name() -> None:
    from briefings.derive.names import split_title

    assert split_title("Brian Oakes") == ("", "Brian Oakes")
    assert split_title("Novelist Penning") == ("", "Novelist Penning")
    assert split_title("Journalist Mara Lind") == ("Journalist", "Mara Lind")


def test_adverb_between_the_subject_and_the_verb_before_a_colon() -> None:
    paras = (
        "Famed ring doctor Aldo Vance once said: “The fighter was born twice, in two cities.”",
        "Ring doctor Mila Sorensen later explained: “He never once lost his temper in the ring.”",
    )
    assert speaker_of("The fighter", *paras) == "Aldo Vance"
    assert speaker_of("He never once", *paras) == "Mila Sorensen"


def test_name_of_an_organisation_before_the_verb_is_the_person() -> None:
    paras = (
        "“The test would be a stretch for the regime,” Mara Lind of the Halvorsen Center "
        "for Arms Control Studies wrote in June.",
        "“Nobody expected the launch this early,” Governor Ed Brolin of Idaho said.",
    )
    assert speaker_of("The test", *paras) == "Mara Lind"
    assert speaker_of("Nobody expected", *paras) == "Ed Brolin"
