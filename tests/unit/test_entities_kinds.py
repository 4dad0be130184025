"""Entity kinds and alias chains (issue #14): sentences written for these tests."""

from __future__ import annotations

from briefings.derive.document import Document, Metadata
from briefings.derive.entities import extract_entities
from briefings.derive.gazetteer import name_gender
from briefings.derive.mentions import person_like
from briefings.derive.sentences import split_sentences
from briefings.models import Entity, Quote


def _entities(*paragraphs: str, quotes: list[Quote] | None = None) -> list[Entity]:
    doc = Document.build(list(paragraphs), set(), Metadata(title="T"), split_sentences)
    return extract_entities(doc, quotes or [])


def _find(entities: list[Entity], name: str) -> Entity:
    for e in entities:
        if e.name == name or name in e.aliases:
            return e
    raise AssertionError(f"{name} not among {[(e.name, e.aliases) for e in entities]}")


def _names(entities: list[Entity]) -> set[str]:
    return {n for e in entities for n in [e.name, *e.aliases]}


# --- organisation cues -------------------------------------------------------------


def test_org_suffix_makes_an_organisation() -> None:
    ents = _entities(
        "Shares in Pellworth Holdings fell after Dunmore Bank cut its forecast.",
        "A report by the Kestrel Institute blamed Tarrow Ltd for the delay.",
    )
    for name in ("Pellworth Holdings", "Dunmore Bank", "Kestrel Institute", "Tarrow Ltd"):
        assert _find(ents, name).kind == "organisation", name


def test_the_x_said_is_an_organisation() -> None:
    ents = _entities("Officials at the Varnholt said on Monday the plan was safe.")
    assert _find(ents, "Varnholt").kind == "organisation"


def test_university_name_with_plural_first_word_survives() -> None:
    ents = _entities(
        "Researchers at Johns Hopkins University tracked the outbreak.",
        "John Brennan, who led the team, said the data were clear.",
    )
    names = _names(ents)
    assert "Johns Hopkins University" in names
    assert "Hopkins University" not in names
    assert _find(ents, "Johns Hopkins University").kind == "organisation"


# --- names with "and" / "of" inside ------------------------------------------------


def test_and_inside_an_organisation_name() -> None:
    ents = _entities(
        "The Securities and Exchange Commission fined the broker on Tuesday.",
        "Later the Department of Trade and Industry said it would review the case.",
    )
    names = _names(ents)
    assert "Securities and Exchange Commission" in names
    assert "Department of Trade and Industry" in names
    assert "Exchange Commission" not in names
    assert "Industry" not in names
    assert _find(ents, "Securities and Exchange Commission").kind == "organisation"


def test_and_between_two_names_still_splits() -> None:
    ents = _entities("Talks between Norway and Portugal ended, said Maria Olsen.")
    names = _names(ents)
    assert "Norway" in names and "Portugal" in names
    assert "Norway and Portugal" not in names


def test_of_inside_an_organisation_name() -> None:
    ents = _entities("The Bank of England raised rates, the Bank of England said.")
    assert _find(ents, "Bank of England").kind == "organisation"


# --- acronyms ----------------------------------------------------------------------


def test_acronym_is_an_alias_of_the_full_name() -> None:
    ents = _entities(
        "The Securities and Exchange Commission opened an inquiry into Brambly Ltd.",
        "The SEC said the inquiry would take a year, and the SEC declined to comment further.",
    )
    sec = _find(ents, "SEC")
    assert sec.name == "Securities and Exchange Commission"
    assert sec.kind == "organisation"
    assert sec.mentions == 3


def test_acronym_in_brackets_and_dotted_acronym() -> None:
    ents = _entities(
        "The Harbour Safety Authority (HSA) closed the port.",
        "The HSA said it would reopen on Friday.",
        "The United Nations sent observers; the U.N. said they would stay.",
    )
    assert _find(ents, "HSA").name == "Harbour Safety Authority"
    assert _find(ents, "U.N.").name == "United Nations"


def test_acronym_spelled_as_a_word_merges() -> None:
    ents = _entities(
        "Nato ministers met in Brussels.",
        "A NATO spokesman said Nato would send more ships.",
    )
    nato = _find(ents, "Nato")
    assert "NATO" in [nato.name, *nato.aliases]
    assert nato.kind == "organisation"


# --- people ------------------------------------------------------------------------


def test_family_name_of_two_people_stays_ambiguous() -> None:
    ents = _entities(
        "Petra Vandenberg spoke first at the rally.",
        "Her daughter Liesl Vandenberg followed her on stage.",
        "Vandenberg said the campaign would go on.",
    )
    petra = _find(ents, "Petra Vandenberg")
    liesl = _find(ents, "Liesl Vandenberg")
    assert petra is not liesl
    assert "Vandenberg" not in petra.aliases
    assert "Vandenberg" not in liesl.aliases


def test_family_name_of_one_person_merges() -> None:
    ents = _entities(
        "Alibrandi chairman Tomas Quell said sales would recover.",
        "Quell added that the firm had no plans to cut jobs.",
    )
    quell = _find(ents, "Quell")
    assert quell.name == "Tomas Quell"
    assert quell.kind == "person"


def test_surname_ending_in_s_survives() -> None:
    ents = _entities(
        "Serena Williams won the final in straight sets.",
        "Williams said she was proud of the win.",
    )
    names = _names(ents)
    assert "Serena Williams" in names
    assert "Serena William" not in names
    serena = _find(ents, "Serena Williams")
    assert serena.kind == "person"
    assert serena.gender == "female"


def test_country_plural_of_a_place_is_still_read_as_possessive() -> None:
    ents = _entities("Norways Norges Fund sold its stake.", "Norway is a large investor.")
    assert "Norways Norges Fund" not in _names(ents)


def test_united_states_keeps_its_s() -> None:
    ents = _entities(
        "The United States and its allies met.",
        "A State official said the United States would act.",
    )
    assert "United States" in _names(ents)
    assert "United State" not in _names(ents)


def test_title_and_initial_make_a_person() -> None:
    ents = _entities(
        "Under-Secretary Cordelia Maunder met the delegation.",
        "Later Harold P Wexley Jr joined the talks in Geneva.",
    )
    assert _find(ents, "Cordelia Maunder").kind == "person"
    # the fullest name without post-nominal letters ("Jr", "QC", "MP")
    assert _find(ents, "Harold P Wexley").kind == "person"
    assert "Harold P Wexley Jr" not in _names(ents)
    assert person_like(("Harold", "P", "Wexley", "Jr"))


def test_office_then_name() -> None:
    ents = _entities("Secretary of State Orrin Belcourt said the vote was fair.")
    assert "Orrin Belcourt" in _names(ents)
    assert "State Orrin Belcourt" not in _names(ents)


def test_gender_from_titles_and_pronouns() -> None:
    ents = _entities(
        "Mr Dalloway Frint opened the meeting.",
        "Frint said he was pleased.",
        "Ms Ottoline Brack said she disagreed.",
    )
    assert _find(ents, "Dalloway Frint").gender == "male"
    assert _find(ents, "Ottoline Brack").gender == "female"
    assert name_gender("Hillary") == "f"
    assert name_gender("Hillary Clinton") == "f"
    assert name_gender("Zorblat") is None


# --- places and other ------------------------------------------------------------


def test_place_cues() -> None:
    ents = _entities(
        "The plant in Quennford employs 300 people.",
        "Officials from Tarlow, Texas, visited the site.",
    )
    assert _find(ents, "Quennford").kind == "place"
    assert _find(ents, "Tarlow").kind == "place"


def test_party_state_tags_are_not_entities() -> None:
    ents = _entities("Senator Mabel Thorne, R-Ky., voted against the bill.")
    assert not any(n.startswith("R-") for n in _names(ents))
    assert _find(ents, "Mabel Thorne").kind == "person"


def test_laws_and_events_are_other() -> None:
    ents = _entities(
        "The Fisheries Reform Act passed in March.",
        "Fans travelled to the Harlan Cup, and the Fisheries Reform Act was praised.",
    )
    assert _find(ents, "Fisheries Reform Act").kind == "other"
    assert _find(ents, "Harlan Cup").kind == "other"


def test_sentence_initial_common_words_are_not_entities() -> None:
    ents = _entities(
        "Buyers rushed to the shops. Latest figures show buyers spent more.",
        "Whether prices fall is unclear. When asked, Olga Prenn said buyers were wary.",
    )
    names = _names(ents)
    for word in ("Buyers", "Latest", "Whether", "When"):
        assert word not in names


def test_two_forms_of_one_name_are_not_two_people() -> None:
    ents = _entities(
        "Bishop Anselm Quarrie led the service.",
        "Quarrie told the crowd to stay calm.",
        quotes=[Quote(text="Stay calm and go home now please.", speaker="Bishop Quarrie")],
    )
    quarrie = _find(ents, "Quarrie")
    assert quarrie.name == "Anselm Quarrie"
    assert quarrie.kind == "person"


def test_short_form_never_ends_in_a_connector() -> None:
    ents = _entities(
        "The Tarrant Institute of Technology opened a lab.",
        "Staff at the Tarrant Institute of Technology said it was full.",
    )
    assert "Tarrant Institute of" not in _names(ents)
    assert _find(ents, "Tarrant Institute of Technology").kind == "organisation"


def test_list_of_names_shares_a_kind() -> None:
    ents = _entities(
        "In a long career he has coached the youth sides of Pellington United, Drossbury FC,"
        " Vantor and Manchester United before moving abroad.",
    )
    assert _find(ents, "Vantor").kind == "organisation"


def test_organisation_noun_before_a_name_that_looks_like_a_person() -> None:
    ents = _entities(
        "Staff at the satirical magazine Charlie Vexmoor held a meeting.",
        "Cartoonists at Charlie Vexmoor said they would carry on.",
    )
    assert _find(ents, "Charlie Vexmoor").kind == "organisation"


def test_well_known_organisations_are_organisations() -> None:
    ents = _entities(
        "Members of Boko Haram attacked the town, Amnesty International said.",
        "Nato officials met.",
    )
    assert _find(ents, "Boko Haram").kind == "organisation"
    assert _find(ents, "Amnesty International").kind == "organisation"


def test_spouses_with_one_surname_stay_two_people() -> None:
    ents = _entities(
        "Bill Pettigrew and Hillary Pettigrew arrived together.",
        "Bill Pettigrew spoke first, then Hillary Pettigrew took questions.",
        "Pettigrew thanked the crowd.",
    )
    bill = _find(ents, "Bill Pettigrew")
    hillary = _find(ents, "Hillary Pettigrew")
    assert bill is not hillary
    assert bill.kind == "person" and hillary.kind == "person"
    assert bill.gender == "male" and hillary.gender == "female"


def test_known_kind() -> None:
    from briefings.derive.gazetteer import known_kind

    assert known_kind("Moscow") == "place"
    assert known_kind("U.S.") == "place"
    assert known_kind("Nato") == "organisation"
    assert known_kind("Joe Tsai") == ""


def test_and_does_not_join_an_organisation_to_a_person() -> None:
    ents = _entities(
        "The study by the University of Quennford and Gordon Pellew found a link.",
    )
    names = _names(ents)
    assert "University of Quennford" in names
    assert "Gordon Pellew" in names
    assert _find(ents, "Gordon Pellew").kind == "person"


def test_first_name_with_a_place_word_is_a_person() -> None:
    ents = _entities("The film was directed by Michael Hollowbay and Damon Hill.")
    assert _find(ents, "Damon Hill").kind == "person"


def test_gender_from_the_next_sentence_pronoun() -> None:
    ents = _entities(
        "Jordan Vakarian took office in May. She said the budget came first.",
        "Vakarian later met the unions.",
    )
    assert _find(ents, "Jordan Vakarian").gender == "female"


def test_party_before_a_name_is_cut_off() -> None:
    ents = _entities("Lib Dem Norman Quillby said the plan was flawed.")
    assert "Norman Quillby" in _names(ents)
    assert "Lib Dem Norman Quillby" not in _names(ents)
