"""Job titles written with capitals ("Scrum Master", "Teamleiter", "Chief Financial Officer").

A title is no one's name: a PERSON finding made only of job words and ordinary words, the
last of them a job word, is let go. A name in the finding ("Anna Manager", "Mr Baker")
keeps it.
"""

from __future__ import annotations

from app.core.privacy.lexicon import lexicon

_JOB_WORDS = frozenset(
    str.split(
        """
        manager managerin master analyst analystin officer developer developerin engineer
        engineerin ingenieur ingenieurin designer designerin consultant consultantin berater
        beraterin assistant assistent assistentin architect architekt architektin specialist
        spezialist spezialistin coordinator koordinator koordinatorin lead leiter leiterin
        teamleiter teamleiterin abteilungsleiter abteilungsleiterin geschäftsführer
        geschäftsführerin director direktor direktorin directeur directrice directora
        director head chief executive president vorstand owner scientist researcher
        administrator admin controller accountant recruiter trainee intern werkstudent
        werkstudentin praktikant praktikantin sachbearbeiter sachbearbeiterin referent
        referentin stagiaire chef gérant gérante responsable commercial commerciale
        ingénieur ingénieure développeur développeuse comptable gerente jefe jefa responsable
        ingeniero ingeniera desarrollador desarrolladora analista contable becario becaria
        diretor diretora programador programadora engenheiro engenheira estagiário
        estagiária direttore direttrice responsabile impiegato impiegata sviluppatore
        sviluppatrice stagista medewerker medewerkster beheerder ontwikkelaar adviseur
        kierownik kierowniczka dyrektor dyrektorka programista programistka księgowa
        księgowy specjalista specjalistka stażysta stażystka
        """
    )
)


def job_title(value: str) -> bool:
    """Whether a found name is a job title written with capitals."""
    words = value.replace("-", " ").split()
    if not words or words[-1].lower() not in _JOB_WORDS:
        return False
    lex = lexicon()
    return all(
        w.lower() in _JOB_WORDS
        or w.lower() not in lex.first_names
        and w.lower() not in lex.surnames
        and not w.isupper()
        or w.lower() in ("data", "sales", "product", "project", "office", "senior", "junior")
        for w in words
    )
