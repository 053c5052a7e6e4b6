"""The precise half of the sensitivity classifier: term rules for eight languages.

The categories: mental health, relationships, finances, health, sexuality, religion and
politics.

Each category has two kinds of terms, matched on word prefixes so that inflections count:

* **strong** terms are sensitive on their own ("suicidal", "chemotherapy", "bisexual");
* **personal** terms are sensitive only when the message speaks about the writer or their
  own people ("my salary", "ich wähle", "mi hipoteca"): "How does a mortgage work?" is not.

Near-misses are handled by context that cancels a term: an economic or weather
"depression", a "relationship" between tables or variables, and religion or politics asked
about as history or schoolwork ("the Reformation", "the electoral college"). Recipes, bank
holidays and finance libraries carry no term at all.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

CATEGORIES = (
    "mental_health",
    "relationships",
    "finances",
    "health",
    "sexuality",
    "religion",
    "politics",
)


# Terms: a trailing "*" matches any ending; "_" joins the words of a phrase.
_STRONG = {
    "mental_health": """
        depress* suizid* depressed depressive depression* depressief depresj* deprimid*
        deprimé* déprim*
        depresso depressa depressione depresión depressão anxiety anxious* angststörung*
        angstzustände angoiss* ansiedad ansia ansios* ansiosa lęk* lękow* ansiedade
        panic_attack* panikattack* panikatt* crise*_d'angoisse crises_de_ansiedade
        ataques_de_pánico ataque*_de_pánico attacchi_di_panico attacco_di_panico
        ataki_paniki paniekaanval* crises_de_pânico crise_de_pânico
        suicid* suïcid* samobój* selbstmord* zelfmoord* self-harm selfharm self-harming
        ritzen automutil* autolesi* burnout burn-out ptsd ptbs tept ocd toc zwangsstörung
        bipolar* bipolaire schizophren* schizofren* esquizofren* psychiatr* psichiatr*
        psiquiatr* psychiater* therapist* therapeut* thérapeute* terapeut* therapy
        therapie thérapie terapia terapii psychotherap* psycholog* psicolog* psicólog*
        antidepress* antidépress* antidepres* sertralin* fluoxetin* escitalopram* ssri*
        lithium adhd adhs tdah autism* autist* eating_disorder essstörung* anorexi* bulimi*
        magersucht worthless hopeless hoffnungslos* lonely loneliness einsam* nervous_breakdown
        mental_health salud_mental santé_mentale salute_mentale psychische* zdrowie_psychiczne
        saúde_mental idées_noires ideas_suicidas kill_myself end_my_life better_off_without_me
        nie_chce_mi_się_żyć no_valgo_nada crises_de_choro crying_every cry_every
        somber* sombere stany_lękowe
        feel_empty feeling_empty feel_numb feeling_numb counsellor* counselor* counselling
        counseling
    """,
    "relationships": """
        divorce* divorcing divorced divorci* divorzi* scheidung* scheiden gescheiden rozwod*
        rozwód* divórcio breakup break_up broke_up broken_up dumped cheating cheated
        betrogen betrügt trompé* trompe engañ* tradisce tradito tradita traiu traição
        zdradz* zdradził* vreemdgegaan vreemdgaan affair betrayed betray* jealous*
        eifersüchtig* jaloux jalouse celos celoso celosa geloso gelosa jaloers zazdros*
        ciúmes schluss_gemacht trennung getrennt separarsi separazione separación
        uit_elkaar no_contact have_a_crush mother-in-law father-in-law in-laws schwiegermutter
        belle-mère
        suegra suocera schoonmoeder teściowa sogra open_relationship
        me_dejó mi_ha_lasciato mi_ha_lasciata zostawiła zostawił m'a_quitté m'a_quittée
        love_me_anymore doesn_t_love_me don_t_love_me no_longer_loves remarri* we_separated
        got_separated separated_from exmarido exmujer ex-husband ex-wife exfreund* ex-partner
        exmann exfrau ex-mari ex-femme ex-marido ex-mulher rozwie* rozwiod* rozwiedl* zdradza*
    """,
    "finances": """
        debt debts indebted schulden verschuldet dette dettes endetté* surendett* deuda deudas
        endeudad* debito debiti indebitat* schuld schulden studieschuld dług długi długów
        zadłuż* dívida dívidas endividad* bankrupt* bankruptcy insolvenz* privatinsolvenz
        faillite quiebra bancarrota fallimento faillissement upadłość falência insolvência
        overdrawn overdraft dispo découvert descubierto scoperto roodstand debet
        evict* eviction räumungsklage expulsion expulsión desahucio sfratto uitzetting
        eksmisj* despejo payday_loan payday_loans debt_collector* collectors inkasso
        huissier cobrador* recupero_crediti deurwaarder komornik* penhor* pfänd* embarg*
        pignorament* beslag credit_score schufa gambling_problem spielsucht
        behind_on_rent can't_pay can't_afford cannot_afford not_afford no_llego
        fin_de_mes fins_de_mês non_riesco_a_pagare kan_niet_betalen nie_mogę_spłacić
        não_consigo_pagar betalingsachterstand achterstand maxed_out wohngeld bürgergeld
        hartz
        garnish* i_m_broke i_am_broke flat_broke until_payday no_puedo_pagar non_posso_pagare
        je_ne_peux_pas_payer kann_nicht_bezahlen nicht_mehr_bezahlen desahuc*
        n_arrive_plus_à_rembourser nie_mam_z_czego
    """,
    "health": """
        symptom* symptôme* síntoma* sintom* symptomen objaw* sintoma* diagnos* diagnoz*
        diagnostiz* diagnostiqu* diagnostic* cancer* cancro câncer krebs kanker rak nowotw*
        tumor* tumour* tumeur* tumore* chemo* chimio* quimio* diabet* diabète cukrzyc* hiv
        vih aids migraine* migräne migraña emicrania enxaqueca migren* asthma asthme asma
        astma astm* pregnan* schwanger* enceinte embarazad* embarazo incinta gravidanza
        zwanger* ciąż* grávida gravidez miscarriage fehlgeburt fausse_couche aborto_espontáneo
        side_effect* nebenwirkung* effets_secondaires efectos_secundarios effetti_collaterali
        bijwerking* skutki_uboczne efeitos_secundários efeitos_colaterais
        ibuprofen* paracetamol* metformin* omeprazol* warfarin* statin* antibiotic*
        antibiotik* antibiotique* antibiótico* antibiotico* antibiotica antybiotyk* doliprane
        dementia demenz démence demencia demenza dementie demencj* demência alzheimer*
        parkinson* stroke schlaganfall avc ictus beroerte udar heart_attack herzinfarkt
        infarctus infarto hartaanval zawał enfarte blood_pressure blutdruck
        tension_artérielle presión_arterial pressione_alta pressão_arterial bloeddruk
        ciśnienie cholesterol* cholestérol colesterol* blood_sugar blutzucker glycémie
        glucemia glicemia bloedsuiker cukier_we_krwi fasting_blood rash ausschlag
        éruption sarpullido eruzione uitslag wysypk* erupção lump knoten bulto nodulo
        knobbel guz* nódulo fever fieber fièvre fiebre febbre koorts gorączk* febre
        cough* husten toux tos tosse hoest kaszel* chest_pain brustschmerz* douleur_thoracique
        dolor_de_pecho dolore_al_petto pijn_op_de_borst ból_w_klatce dor_no_peito
        pain_in_my_chest dolor* douleur* schmerz* pijn* ból* boli dores dor_de dor_no
        dor_nas aching ache headache* kopfschmerz* swollen geschwollen gonflé* hinchad*
        gonfi* gezwollen opuchnięt* inchad* bleeding blutung* saign* sangr* sanguin*
        bloeding* krwaw* nausea* nauseous übelkeit nausée* náusea* vomit* erbrech* diarrh*
        durchfall vertige* vertigo dizzy dizziness schwindel* mareo* capogiro* duizelig*
        zawroty tontura* heartburn sodbrennen chronic* chronisch* chronique* crónic*
        cronic* chroniczn* j'ai_mal ho_mal mal_au mal_à_la mal_aux tengo_dolor me_duele*
        boli_mnie dói-me tenho_dor
        prescri* verschrieb* me_recetó me_recetaron prescrit* prescritt* voorgeschreven
        przepisał* receitou chemotherap* appendicit* appendizit* apendicit* appendicite
        uti infection* infektion* infección infezione infectie infekcj* infeção infecção
        torn_meniscus meniscus fracture* broken_arm broken_leg surgery operation_am
        knee_surgery biopsy biopsie psa-wert psa mri x-ray covid corona-test allerg*
        allergi* alergi* penicillin* parkinson's taubheit numbness pressão_alta
        pressione_alta falta_de_ar short_of_breath shortness_of_breath coughing_blood
        toddler_has baby_has fiebre_y
        menstrua* my_period* irregular_period* periods_have sprain* verstaucht* entorse*
        esguince* distorsione verstuikt skręcon* toothache zahnschmerz* rage_de_dents
        dolor_de_muelas mal_di_denti kiespijn ból_zęba dor_de_dentes bolą boli bolała bolało
        bolę mal_de_dos mal_di_schiena rugpijn
    """,
    "sexuality": """
        gay gays lesbian* lesbisch* lesbienne* lesbiana* lesbica lesbijk* lésbica bisexual*
        bisexuel* bisessual* biseksu* bissexual* queer homosexual* homosexuel* omosessual*
        homoseksu* homossexual* homo schwul* gej gejem geja transgender* transgenre
        transgénero transgênero transpłciow* trans_woman trans_man non-binary nonbinary
        nicht-binär asexual* asexuel* coming_out coming-out come_out came_out uit_de_kast
        salir_del_armario sair_do_armário outen sex_drive libido sexual* sexuell* sexualité
        sessual* seksual* seksu* sexo sesso seks sex condom* kondom* préservatif*
        condón preservativ* condoom prezerwatyw* contracepti* contraception verhütung
        anticoncep* contraccett* anticonceptie antykoncepcj* contracep* birth_control
        std sti stds unprotected erectile porn* fetish* kink* misgender* hormone_therapy
        hormontherapie hormonen hormonas hormônios
        libido* gender_identity questioning_my_gender bin_bi suis_bi i_m_bi soy_bi sono_bi
        ben_bi jestem_bi sou_bi
    """,
    "religion": """
        pray praying prayed prayer* beten bete gebet* prier prière* rezar rezo oración
        pregare preghiera bidden gebed modlić modlitw* modl* orar oração ramadan ramadán
        ramadão ramazan hijab kopftuch voile velo_islámico velo hoofddoek chusta kosher
        koscher casher halal baptiz* baptis* getauft taufe taufen baptême baptiser bautiz*
        bautismo battezz* sbattezz* dopen gedoopt chrzest chrzcić ochrzcić batiz* batismo
        convert*_to_islam convert*_to_judaism converting_to konvertier* convertir_au
        convertirme convertirmi bekeren nawrócić converter-me atheist* atheïst* athée*
        ateo atea ateu ateia ateist* agnostic* agnostik* rosary rosenkranz chapelet rosario
        różaniec terço yom_kippur passover pessach eid diwali jehovah* mormon* sunday_mass
        lost_my_faith believe_in_god an_gott_glauben croire_en_dieu creo_en_dios
        credo_in_dio geloof_in_god wierzę_w_boga acredito_em_deus no_creo_en_dios
        nicht_mehr_an_gott no_longer_believe aus_der_kirche_austreten kirchenaustritt
        apostazj* apostasia apostasía sbattezzo fasting_during suikerfeest bar_mitzvah
        first_communion erstkommunion konfirmation
    """,
    "politics": """
        vote_for voting_for who_should_i_vote should_i_vote which_party political_party
        party_should_i wen_soll_ich_wählen welche_partei pour_qui_voter à_qui_voter
        a_quién_debería_votar a_qué_partido per_chi_votare op_welke_partij
        na_kogo_głosować na_którą_partię em_quem_votar em_que_partido afd
        labour_party green_party grünen rassemblement_national france_insoumise psoe
        podemos vox konfederacj* lewica fratelli_d'italia pvv chega pro-choice pro-life
        abortion abtreibung avortement aborto aborcj* abortus petition petition_against
        protest* demonstration* manifestación manif manifestazione demonstratie
        manifestação strike streik grève huelga sciopero staking strajk greve
        republican* democrat* conservative* tory tories socialist* communist* brexit
        left-wing right-wing linksextrem* rechtsextrem* bundestagswahl legislativas
        presidentielles présidentielles elecciones elezioni verkiezingen wybory eleições
        running_for_the run_for_office stand_for_election running_for_council demo_gegen
        zur_demo auf_die_demo bei_der_demo gegen_rechts lib_dem tory_voter* labour_voter*
        voter_blanc
    """,
}
_PERSONAL = {
    "mental_health": """
        stress stressed gestresst stressé estresad* stressat* gestrest zestresowan*
        estressad* overwhelmed überfordert débordé* agobiad* sopraffatt* overweldigd
        przytłoczon* sobrecarregad* sad traurig triste tristeza verdrietig smutn*
        exhausted erschöpft épuisé* agotad* esaust* uitgeput wyczerpan* esgotad* cry crying
        weinen weine pleurer pleure llorar lloro piangere piango huilen płacz* chorar choro
        can't_sleep schlafe_kaum nicht_schlafen no_puedo_dormir non_riesco_a_dormire
        slaap_slecht nie_mogę_spać não_consigo_dormir insomnia schlaflos* insomnie insomnio
        insonnia slapeloos* bezsenność insónia panic panik panique pánico panico paniek
        nothing_feels ya_no_disfruto nergens_zin keine_lust
    """,
    "relationships": """
        marriage married ehe verheiratet mariage matrimonio huwelijk małżeństw* casamento
        relationship beziehung relation relación relazione relatie związek relação dating
        crush argue arguing argument* fight fighting fought streit streite streiten
        dispute* disputo pelea* peleamos litig* ruzie kłóc* briga* discussão trust
        vertrau* confiance confianza fiducia vertrouw* zaufa* confiança unhappy
        unglücklich malheureu* infeliz infelice ongelukkig nieszczęśliw* boundaries
        grenzen won't_let stopped_speaking criticis* criticiz* move_out jealous
        discut* disput* kłócę kłócimy kłócić
    """,
    "finances": """
        salary salaries gehalt salaire salario sueldo stipendio salaris pensj* wypłat*
        salário earn verdiene gagne gano guadagno zarabiam ganho income einkommen
        ingresos reddito inkomen dochód paycheck paycheque loan loans kredit crédit prêt
        préstamo prestito lening kredyt* empréstimo mortgage hypothek hypothèque hipoteca
        mutuo hypotheek savings ersparnis* économies ahorros risparmi spaargeld
        oszczędności poupanças owe schulde debo verschuldig* afford tax_office finanzamt
        lost_my_job arbeitslos chômage disoccupat* werkloos bezroboc* desempregad*
        lost_my_savings
        raten rate rata raty rat prestações prestação cuotas mensualidades finanziamento miete
        loyer alquiler affitto huur czynsz aluguel renda rembourser terugbetalen spłacić
        bezahlen
    """,
    "health": """
        doctor arzt ärztin médecin médico medico dokter huisarts lekarz hospital
        krankenhaus hôpital ospedale ziekenhuis szpital* blood blut sangre sangue bloed krew
        medication medikament* médicament* medicament* medicijn* farmac* leki leków
        remédio* pills tablette* pastilla* pillol* tabletk* injury verletzung blessure
        lesión lesione uraz* lesão surgery opération operación operazione operatie
        operacj* operação cirurgia knee knie genou rodilla ginocchio kolano joelho sick
        krank malade enfermo malato ziek chory doente test_result* dose dosis dosage pain
        insulin* insuline insulina insulinę
        ankle wrist knöchel cheville tobillo caviglia enkel kostk* tornozelo
    """,
    "sexuality": """
        sexy attracted attraction orientation orientierung orientación orientamento
        oriëntatie orientacj* orientação
    """,
    "religion": """
        faith glaube foi fe fede geloof wiar* church kirche église iglesia chiesa kerk
        kościół kościel* igreja mosque moschee mosquée mezquita moschea moskee meczet
        mesquita synagogue synagoge sinagoga synagog* muslim* musulman* musulmán
        musulmana moslim* muzułman* muçulman* christian christians christlich* chrétien*
        cristian* christen chrześcija* cristã* cristão catholic katholisch* catholique*
        católic* cattolic* katholiek* katolic* jewish jüdisch juif juive judí* ebre* joods
        żyd* judeu judia hindu hindou* buddhis* bouddhis* budis* buddis* boeddhis* buddyz*
        budism* sikh religion religiös* religieu* religios* religie* religij* spiritual*
        spirituel* espiritual* devout gläubig* croyant* creyente credente gelovig* wierząc*
        crente believer baptized baptised islam islamu islã judaism judentum judaïsme
        judaísmo christianity christentum christianisme cristianismo cristianesimo
        catholicism katholizismus buddhism buddhismus bouddhisme budismo buddismo
        boeddhisme buddyzm hinduism hinduismus boga
    """,
    "politics": """
        vote voting voted wählen wähle wählte voter votar voto votare stemmen
        głosować głosuję głosowa* election elections wahl wahlen élection élections
        elección elezione verkiezing wybor* eleição partei partito militant* militer milito
        afiliad* iscritt* activist* aktivist* gewerkschaft syndicat sindicato vakbond
        immigration einwanderung inmigración immigrazione immigratie imigracj* imigração
        politic* politik* politiq* polític* polityk* arrested verhaftet arrêté detenid*
        arrestat* gearresteerd aresztowan*
        voters council
    """,
}
# Words that make a trigger innocent when they stand near it.
_CANCEL = {
    "depress": """economic economy economics great recession 1929 1930s 1930 1873 1870s
        long market markets gdp tropical atlantic weather storm storms ground sinkhole
        angle trigonometry button key pedal wirtschaftlich* weltwirtschaftskrise große
        économique grande economía económica gran economica economische grote wielki
        econômica era meaning word clinical_depression_versus""",
    "relationship": """sql table tables database databases entity entities diagram foreign
        key keys class classes uml model models django orm mysql postgresql postgres
        sqlite many-to-many one-to-many one-to-one variables variable inflation
        temperature pressure supply demand access tabellen tabelle tabla tablas tabelas
        tabel tabele tabeli clé étrangère données datos dati gegevens danych dados
        oferta demanda offerta domanda interest rates rates classi klassen klas klasami
        between""",
    # Sleepless from joy, not worry: "Can't sleep, I'm too excited", "No puedo dormir de la
    # emoción", "Nie mogę spać z ekscytacji" (writer s's everyday neutral messages).
    "sleep": """excited excitement exciting emoción emocionado emocionada emocionadísimo
        emocionadísima emocionadisimo emocionadisima ilusión emozione emozionato emozionata
        eccitato eccitata eccitazione emoção empolgado empolgada empolgação animado animada
        ekscytacji ekscytacja ekscytacją podekscytowany podekscytowana aufgeregt aufregung
        vorfreude opgewonden opwinding excité excitée excitation impatience impatient
        impatiente thrilled stoked hyped""",
}
_HISTORY = frozenset(
    str.split(
        """
        history historical historic century centuries medieval ancient reformation renaissance
        empire war wars essay school homework explain explained summarize summarise summary
        compare electoral geschichte historisch jahrhundert mittelalter erkläre erklären
        histoire historique siècle réforme explique historia histórico siglo reforma explícame
        explica storia storico secolo riforma spiegami geschiedenis eeuw reformatie beeldenstorm
        historia wiek reformacja reformacji wyjaśnij história século explica-me
        """
    )
)
_HISTORY_PHRASES = (
    "who was",
    "who were",
    "wer war",
    "qui était",
    "quién fue",
    "chi era",
    "wie was",
    "kim był",
    "quem foi",
    "how does",
    "how do elections",
    "wie funktioniert",
    "comment fonctionne",
    "cómo funciona",
    "come funziona",
    "hoe werkt",
    "jak działa",
    "como funciona",
)
_FIRST_PERSON = frozenset(
    str.split(
        """
        i i'm i’m i've i'd i'll im me my mine myself we we're our ours us ich mich mir mein
        meine meinen meinem meiner meins wir uns unser unsere je j' j’ me m' m’ moi mon ma mes
        nous notre nos yo mí mi mis conmigo nosotros nosotras nuestro nuestra nuestros nuestras
        tengo estoy soy siento creo quiero puedo llego debo io mio mia miei mie noi nostro
        nostra ho sono mi sento voglio posso devo riesco ik mij mijn wij we ons onze heb ben
        voel wil kan ja mnie mi mój moja moje mojego mojej moim my nasz nasza nasze mam jestem
        chcę boję mogę czuję wierzę kłócę kłócimy płaczę rozwiodłam rozwiodłem eu meu minha meus
        minhas nós nosso nossa tenho estou sou sinto quero posso ando consigo nasci
        """
    )
)
_PEOPLE = frozenset(
    str.split(
        """
        husband wife boyfriend girlfriend partner fiancé fiancée ex mother father mom mum dad
        parents sister brother daughter son family friend kids children mann frau freund
        freundin eltern mutter vater schwester bruder tochter sohn familie mari femme copain
        copine mère père parents sœur soeur frère fille fils famille ami amie marido esposa
        esposo mujer novio novia madre padre padres hermana hermano hija hijo familia amigo
        amiga moglie marito ragazzo ragazza madre padre genitori sorella fratello figlia figlio
        famiglia amico amica man vrouw vriend vriendin moeder vader ouders zus broer dochter
        zoon familie mąż żona chłopak dziewczyna matka mama ojciec tata rodzice siostra brat
        córka syn rodzina mulher namorado namorada mãe pai pais irmã irmão filha filho família
        amigo amiga mężem męża mężowi żoną żony żonie chłopakiem dziewczyną mamą mamy tatą taty
        rodzicami rodziców siostrą bratem córką synem teściową mom's kids
        """
    )
)
_TOKEN = re.compile(r"[^\W\d_]+|\d+s?")
_TERM_SPLIT = re.compile(r"[_'’\-]")

# A term's entry: (category, strong).
_Entry = tuple[str, bool]


@dataclass(frozen=True, slots=True)
class _Index:
    """Every category's terms in one place, so a message is scanned once."""

    words: dict[str, tuple[_Entry, ...]]
    prefixes: dict[str, tuple[_Entry, ...]]
    max_prefix: int
    #: First word of a phrase → (the phrase, its entry).
    phrases: dict[str, tuple[tuple[tuple[str, ...], _Entry], ...]]
    cancel: dict[str, frozenset[str]]


@functools.cache
def _index() -> _Index:
    words: dict[str, list[_Entry]] = {}
    prefixes: dict[str, list[_Entry]] = {}
    phrases: dict[str, list[tuple[tuple[str, ...], _Entry]]] = {}
    for category in CATEGORIES:
        # Personal first, so that a term listed as both ends up strong.
        for spec, strong in ((_PERSONAL[category], False), (_STRONG[category], True)):
            for term in spec.lower().split():
                entry = (category, strong)
                if _TERM_SPLIT.search(term.rstrip("*")):
                    parts = tuple(p for p in _TERM_SPLIT.split(term) if p)
                    phrases.setdefault(parts[0].rstrip("*"), []).append((parts, entry))
                elif term.endswith("*"):
                    _put(prefixes, term[:-1], entry)
                else:
                    _put(words, term, entry)
    return _Index(
        words={k: tuple(v) for k, v in words.items()},
        prefixes={k: tuple(v) for k, v in prefixes.items()},
        max_prefix=max(len(k) for k in prefixes),
        phrases={k: tuple(v) for k, v in phrases.items()},
        cancel={key: frozenset(value.split()) for key, value in _CANCEL.items()},
    )


def _put(table: dict[str, list[_Entry]], key: str, entry: _Entry) -> None:
    entries = table.setdefault(key, [])
    entries[:] = [e for e in entries if e[0] != entry[0]] + [entry]


def _phrase_matches(pattern: tuple[str, ...], tokens: list[str], i: int) -> bool:
    if i + len(pattern) > len(tokens):
        return False
    for offset, part in enumerate(pattern):
        word = tokens[i + offset]
        if part.endswith("*"):
            if not word.startswith(part[:-1]):
                return False
        elif word != part:
            return False
    return True


# German and Dutch glue words together: "Rückenschmerzen", "rugpijn", "Zahnentzündung".
_COMPOUND_ENDINGS = (
    ("schmerzen", "health"),
    ("schmerz", "health"),
    ("pijn", "health"),
    ("entzündung", "health"),
    ("ontsteking", "health"),
    ("krankheit", "health"),
    ("ziekte", "health"),
    ("schulden", "finances"),
    ("depression", "mental_health"),
    ("depressie", "mental_health"),
    ("angst", "mental_health"),
)


# Token → its single-word hits (compound endings, whole words, prefixes): tokens repeat a lot.
_Found = tuple[tuple[str, _Entry], ...]
_TOKEN_HITS: dict[str, tuple[_Found, _Found]] = {}
_TOKEN_HITS_LIMIT = 200_000


def _token_hits(index: _Index, token: str) -> tuple[_Found, _Found]:
    """A token's compound-ending hits, and its whole-word or prefix hits."""
    cached = _TOKEN_HITS.get(token)
    if cached is not None:
        return cached
    compound: list[tuple[str, _Entry]] = []
    found: list[tuple[str, _Entry]] = []
    if len(token) >= 8:
        for ending, category in _COMPOUND_ENDINGS:
            if token.endswith(ending):
                compound.append((ending, (category, True)))
                break
    entries = index.words.get(token)
    term = token
    if entries is None:
        for n in range(min(len(token), index.max_prefix), 2, -1):
            entries = index.prefixes.get(token[:n])
            if entries is not None:
                term = token[:n]
                break
    if entries is not None:
        found.extend((term, entry) for entry in entries)
    if len(_TOKEN_HITS) >= _TOKEN_HITS_LIMIT:
        _TOKEN_HITS.clear()
    result = _TOKEN_HITS[token] = (tuple(compound), tuple(found))
    return result


def _hits(index: _Index, tokens: list[str]) -> list[tuple[int, str, _Entry]]:
    """``(position, matched term, entry)`` for every term found in the tokens."""
    found: list[tuple[int, str, _Entry]] = []
    compounds: list[tuple[int, str, _Entry]] = []
    phrases = index.phrases
    cache = _TOKEN_HITS
    for i, token in enumerate(tokens):
        compound, single = cache.get(token) or _token_hits(index, token)
        if compound:
            compounds.extend((i, term, entry) for term, entry in compound)
        if single:
            found.extend((i, term, entry) for term, entry in single)
        candidates = phrases.get(token)
        if candidates is None and token.endswith("s"):
            candidates = phrases.get(token.rstrip("s"))
        if candidates:
            for pattern, entry in candidates:
                if _phrase_matches(pattern, tokens, i):
                    found.append((i, " ".join(pattern), entry))
    return compounds + found


def _cancelled(tokens: list[str], position: int, cancel: frozenset[str], after: int = 6) -> bool:
    window = tokens[max(0, position - 6) : position + after + 1]
    return any(w in cancel or w.rstrip("s") in cancel for w in window)


@dataclass(frozen=True, slots=True)
class RuleEvidence:
    """What the rules found in one message: per category, the term that fired."""

    #: Category → a strong term (sensitive on its own).
    strong: dict[str, str]
    #: Category → a personal term in a personal context ("my salary").
    personal: dict[str, str]
    #: The message speaks about the writer ("I", "my", "ich", "mi", ...).
    first_person: bool
    #: The message asks about history, schoolwork or how something works.
    educational: bool
    #: The message names the writer's own people ("my sister", "mein Mann", "mi novia").
    people: bool = False

    @property
    def categories(self) -> tuple[str, ...]:
        """The categories the rules alone would give, in canonical order."""
        return tuple(c for c in CATEGORIES if c in self.strong or c in self.personal)


def tokens_of(text: str) -> list[str]:
    """The lower-case word tokens the rules look at."""
    return _TOKEN.findall(text.lower())


def evidence(tokens: list[str]) -> RuleEvidence:
    """Run the rules over a message's tokens (from :func:`tokens_of`)."""
    strong: dict[str, str] = {}
    personal_found: dict[str, str] = {}
    # Set tests in C: a generator per message cost more than the rest of these checks.
    personal = not _FIRST_PERSON.isdisjoint(tokens)
    if not tokens:
        return RuleEvidence(strong, personal_found, personal, False)
    index = _index()
    hits = _hits(index, tokens)
    joined = " ".join(tokens)
    educational = not _HISTORY.isdisjoint(tokens) or any(p in joined for p in _HISTORY_PHRASES)
    people = not _PEOPLE.isdisjoint(tokens)
    if not hits:
        return RuleEvidence(strong, personal_found, personal, educational, people)
    for position, term, (category, is_strong) in hits:
        if category in strong:
            continue
        if term.startswith(("depress", "deprim", "depresi", "déprim")) and _cancelled(
            tokens, position, index.cancel["depress"]
        ):
            continue
        if (
            category == "relationships"
            and term.startswith(_RELATION_STEMS)
            and _cancelled(tokens, position, index.cancel["relationship"])
        ):
            continue
        if category in ("religion", "politics") and educational and not personal:
            continue
        if (
            term in _SLEEP_TERMS
            and not is_strong
            and _cancelled(tokens, position, index.cancel["sleep"], after=_SLEEP_WINDOW)
        ):
            continue
        if is_strong:
            strong[category] = term
        elif personal and (category != "relationships" or people):
            personal_found.setdefault(category, term)
    return RuleEvidence(strong, personal_found, personal, educational, people)


# The personal mental-health terms about sleep that joy cancels (see ``_CANCEL["sleep"]``);
# the excitement may come a clause later ("no puedo dormir, mañana salimos a las 5 y estoy
# emocionadísimo"), so the window after the term is wider.
_SLEEP_TERMS = frozenset(
    (
        "can t sleep",
        "schlafe kaum",
        "nicht schlafen",
        "no puedo dormir",
        "non riesco a dormire",
        "slaap slecht",
        "nie mogę spać",
        "não consigo dormir",
    )
)
_SLEEP_WINDOW = 14

_RELATION_STEMS = ("relation", "beziehung", "relaci", "relazion", "relatie", "związ", "relaç")
