import { newDocument } from './document';
import { osloTimeAfterDays } from './osloTime';
import type { Author, Document, DocumentContent, PressContact, RichDoc, RichNode } from './document';

/**
 * A sample offered on first start: the content of a document, without id, author or clock,
 * which the library supplies through `sampleToDocument`.
 */
export type SampleDocument = Readonly<Omit<DocumentContent, 'images'>> & {
  /** Stable across releases, so the library can tell which samples it has already offered. */
  readonly sampleKey: string;
  /**
   * Set for a sample under sperrefrist: the embargo falls this many days after the document is
   * created, at 10:00 Oslo time. A fixed instant in static data would soon lie in the past.
   */
  readonly embargoInDays?: number;
};

/** The hour (Oslo wall clock) at which a sample's sperrefrist ends: the usual time for a release. */
const EMBARGO_HOUR = 10;

/** Turns a sample into a new draft. Pure: the caller gives the id, the clock and the author. */
export function sampleToDocument(sample: SampleDocument, init: { id: string; now: Date; author: Author }): Document {
  const base = newDocument({ ...init, type: sample.type, maalform: sample.maalform });
  // Copies, so editing a document never changes the sample it came from.
  const { body, contacts, tags } = structuredClone({ body: sample.body, contacts: sample.contacts, tags: sample.tags });
  return {
    ...base,
    title: sample.title,
    ingress: sample.ingress,
    body,
    contacts,
    tags,
    embargoAt: sample.embargoInDays === undefined ? sample.embargoAt : osloTimeAfterDays(init.now, sample.embargoInDays, EMBARGO_HOUR).toISOString(),
    internalNote: sample.internalNote,
  };
}

// --- Building blocks for the bodies below, as the editor's schema stores them. ---

type Inline = string | RichNode;

const text = (value: string): RichNode => ({ type: 'text', text: value });
const bold = (value: string): RichNode => ({ type: 'text', text: value, marks: [{ type: 'bold' }] });
const italic = (value: string): RichNode => ({ type: 'text', text: value, marks: [{ type: 'italic' }] });
const link = (value: string, href: string): RichNode => ({ type: 'text', text: value, marks: [{ type: 'link', attrs: { href } }] });
const paragraph = (...inline: Inline[]): RichNode => ({ type: 'paragraph', content: inline.map((i) => (typeof i === 'string' ? text(i) : i)) });
const heading = (level: 2 | 3, value: string): RichNode => ({ type: 'heading', attrs: { level }, content: [text(value)] });
const bulletList = (...items: (Inline | Inline[])[]): RichNode => ({
  type: 'bulletList',
  content: items.map((item) => ({ type: 'listItem', content: [paragraph(...(Array.isArray(item) ? item : [item]))] })),
});
const doc = (...blocks: RichNode[]): RichDoc => ({ type: 'doc', content: blocks });

const HOD_NB = 'https://www.regjeringen.no/no/dep/hod/id421/';
const HOD_NN = 'https://www.regjeringen.no/nn/dep/hod/id421/';
const HEALTH_TOPIC_NB = 'https://www.regjeringen.no/no/tema/helse-og-omsorg/id917/';

/** Fictional press officers: the names are the Norwegian placeholders, the numbers made up. */
const PRESS_CONTACTS: readonly PressContact[] = [
  {
    contactId: null,
    name: 'Kari Nordmann',
    roleNb: 'kommunikasjonsrådgiver',
    roleNn: 'kommunikasjonsrådgivar',
    phone: '+47 22 24 00 01',
    email: 'kari.nordmann@hod.dep.no',
  },
  {
    contactId: null,
    name: 'Ola Nordmann',
    roleNb: 'seniorrådgiver',
    roleNn: 'seniorrådgivar',
    phone: '+47 22 24 00 02',
    email: 'ola.nordmann@hod.dep.no',
  },
];

/**
 * The documents a new user is offered, written from the ministry's own pages (figures, dates and
 * names as published there). Three in Bokmål and three in Nynorsk, one of each type in each.
 */
export const SAMPLE_DOCUMENTS: readonly SampleDocument[] = [
  {
    sampleKey: 'rnb-2024-sykehus-2-milliarder',
    type: 'pressemelding',
    maalform: 'nb',
    title: 'Ventetidene skal ned – regjeringen styrker sykehusene med 2 milliarder kroner',
    ingress:
      'Regjeringen vil snu trenden og få ned ventetidene til sykehusene. Derfor foreslår regjeringen å bevilge til sammen 2 milliarder kroner mer til sykehusene i revidert nasjonalbudsjett for 2024.',
    body: doc(
      paragraph(
        '– Når noe er galt og vi trenger helsehjelp, ønsker vi det så raskt som mulig. Med ',
        bold('2 milliarder kroner mer'),
        ' får sykehusene bedre mulighet til å ta imot flere pasienter og korte ned køene, sier helse- og omsorgsminister Jan Christian Vestre.',
      ),
      paragraph(
        'Forslaget kommer dagen etter at Vestre la fram regjeringens ventetidsløfte sammen med arbeidstaker- og arbeidsgiverorganisasjoner og de regionale helseforetakene.',
      ),
      heading(2, 'Dette foreslår regjeringen'),
      paragraph('I revidert nasjonalbudsjett foreslår regjeringen blant annet å:'),
      bulletList(
        'bevilge til sammen 2 milliarder kroner mer til sykehusene',
        'øke bevilgningene til Helse Nord med et varig tilskudd på 250 millioner kroner',
      ),
      paragraph(
        'Tilskuddet til Helse Nord må sees i sammenheng med den krevende økonomiske situasjonen i Helse Nord og behovet for omstilling.',
      ),
      heading(2, 'Ventetidsløftet'),
      paragraph(
        'Mandag 13. mai la helse- og omsorgsministeren fram ',
        italic('ventetidsløftet'),
        ' på en pressekonferanse. Forbundsleder Mette Nord i Fagforbundet, forbundsleder Lill Sverresdatter Larsen i Sykepleierforbundet og president Anne-Karin Rime i Legeforeningen deltok. Delta, Psykologforeningen, flere arbeidsgiverorganisasjoner og de regionale helseforetakene var også med.',
      ),
      paragraph('Stortinget behandler revidert nasjonalbudsjett før sommeren.'),
      paragraph('Les mer om arbeidet til Helse- og omsorgsdepartementet på ', link('regjeringen.no', HOD_NB), '.'),
    ),
    contacts: [...PRESS_CONTACTS],
    tags: ['revidert nasjonalbudsjett', 'sykehus', 'ventetider'],
    embargoAt: null,
    embargoInDays: 2,
    internalNote: '',
  },
  {
    sampleKey: 'rnb-2024-helse-nord-250-millionar',
    type: 'pressemelding',
    maalform: 'nn',
    title: 'Styrkjer Helse Nord med 250 millionar kroner',
    ingress:
      'I revidert nasjonalbudsjett for 2024 foreslår regjeringa å auke løyvingane til Helse Nord med eit varig tilskot på 250 millionar kroner. Forslaget må sjåast i samanheng med den krevjande økonomiske situasjonen i Helse Nord og behovet for omstilling.',
    body: doc(
      paragraph(
        '– Folk i Nord-Noreg skal kunne stole på at dei får gode sjukehustenester, same kvar dei bur. Med eit ',
        bold('varig tilskot'),
        ' får Helse Nord betre føresetnader for å gjennomføre den omstillinga som trengst, seier helse- og omsorgsminister Jan Christian Vestre.',
      ),
      paragraph('Helse Nord er det regionale helseføretaket som har ansvaret for spesialisthelsetenesta i Nord-Noreg og på Svalbard.'),
      heading(2, 'Forslaget i korte trekk'),
      bulletList(
        'eit varig tilskot på 250 millionar kroner til Helse Nord',
        'pengane blir ein del av dei faste rammene til Helse Nord, slik at helseføretaket kan planleggje på lengre sikt',
        'Stortinget tek stilling til forslaget når revidert nasjonalbudsjett blir handsama',
      ),
      heading(2, 'Krevjande økonomi i nord'),
      paragraph(
        'Helse Nord er i ein ',
        italic('krevjande økonomisk situasjon'),
        ', og helseføretaket må omstille seg. Tilskotet skal gjere det lettare å gjennomføre omstillinga på ein forsvarleg måte.',
      ),
      paragraph('I revidert nasjonalbudsjett foreslår regjeringa òg å løyve til saman 2 milliardar kroner meir til sjukehusa, for å få ned ventetidene.'),
      paragraph('Les meir om arbeidet til departementet på ', link('regjeringen.no', HOD_NN), '.'),
    ),
    contacts: [...PRESS_CONTACTS],
    tags: ['revidert nasjonalbudsjett', 'Helse Nord', 'sjukehus'],
    embargoAt: null,
    internalNote: 'Priv. til red.: Statsråden er tilgjengeleg for intervju i dag mellom kl. 14 og 15. Førespurnader går til kontaktpersonane nedanfor.',
  },
  {
    sampleKey: 'fastlege-2023-over-60000',
    type: 'nyhet',
    maalform: 'nb',
    title: 'Over 60 000 flere fikk fastlege i 2023',
    ingress:
      'Over 60 000 flere fikk fastlege i 2023. Helse- og omsorgsminister Jan Christian Vestre kaller det gledelig og peker på fastlegeordningen som en viktig del av arbeidet med å få ned ventetidene.',
    body: doc(
      paragraph(
        '– Ventetidene skal ned og fastlegeordningen er en viktig del av løsningen. Derfor er det gledelig at over 60 000 flere fikk fastlege i 2023, sier helse- og omsorgsminister Jan Christian Vestre.',
      ),
      heading(2, 'Fastlegen er døren inn til helsetjenesten'),
      paragraph(
        'Når noe er galt og vi trenger helsehjelp, er det som regel fastlegen vi går til først. Dersom fastlegen ikke kan hjelpe oss å løse problemet, blir vi gjerne henvist til spesialisthelsetjenesten.',
      ),
      paragraph(
        'En ',
        italic('fungerende fastlegeordning'),
        ' er derfor grunnmuren i samhandlingen mellom kommunene og sykehusene. Når flere har en fastlege som kjenner dem, blir det lettere å få riktig hjelp på riktig sted.',
      ),
      heading(2, 'Dette vil regjeringen gjøre'),
      paragraph('Regjeringen vil styrke fastlegeordningen slik at rekruttering og stabil legedekning sikres i hele landet. Regjeringen vil blant annet:'),
      bulletList(
        'etablere nye rekrutteringshjemler',
        'korte ned listelengden til fastlegene',
        'øke basistilskuddet per innbygger',
        'gradvis utvide ordningen med gratis fastlege, slik at det blir gratis å gå til fastlegen til og med fylte 18 år',
      ),
      paragraph('Les mer om regjeringens arbeid med helse og omsorg på ', link('regjeringen.no', HEALTH_TOPIC_NB), '.'),
    ),
    contacts: [],
    tags: ['fastlege', 'primærhelsetjeneste', 'ventetider'],
    embargoAt: null,
    internalNote: '',
  },
  {
    sampleKey: 'ventetidsloftet-pressekonferanse',
    type: 'nyhet',
    maalform: 'nn',
    title: 'Ventetidene skal ned: sjå pressekonferansen om ventetidsløftet',
    ingress:
      'Måndag 13. mai heldt helse- og omsorgsminister Jan Christian Vestre pressekonferanse om ventetidsløftet til regjeringa. Leiarane i Fagforbundet, Sykepleierforbundet og Legeforeningen deltok òg.',
    body: doc(
      paragraph(
        'På pressekonferansen la Vestre fram korleis regjeringa vil få ned ventetidene, og kvifor det er viktig at dei som jobbar i helsetenesta, er med på arbeidet.',
      ),
      paragraph(
        '– Når noko er gale og vi treng helsehjelp, ønskjer vi det så raskt som mogleg. Skal vi få ned ventetidene, må vi gjere det ',
        italic('saman med'),
        ' dei som jobbar i helsetenesta kvar dag, sa Vestre.',
      ),
      heading(2, 'Desse deltok'),
      bulletList(
        'forbundsleiar Mette Nord i Fagforbundet',
        'forbundsleiar Lill Sverresdatter Larsen i Sykepleierforbundet',
        'president Anne-Karin Rime i Legeforeningen',
        'Delta, Psykologforeningen og fleire arbeidsgivarorganisasjonar',
        'dei regionale helseføretaka',
      ),
      heading(2, 'Budsjettforslag dagen etter'),
      paragraph(
        'Dagen etter foreslo regjeringa i revidert nasjonalbudsjett å løyve til saman ',
        bold('2 milliardar kroner'),
        ' meir til sjukehusa. Regjeringa foreslo òg eit varig tilskot på 250 millionar kroner til Helse Nord.',
      ),
      paragraph('Pressekonferansen kan du sjå i opptak på nett-tv. Meir om arbeidet til departementet finn du på ', link('regjeringen.no', HOD_NN), '.'),
    ),
    contacts: [],
    tags: ['ventetider', 'ventetidsløftet', 'nett-tv'],
    embargoAt: null,
    internalNote: '',
  },
  {
    sampleKey: 'nasjonal-helse-og-samhandlingsplan-2024-2027',
    type: 'artikkel',
    maalform: 'nb',
    title: 'Nasjonal helse- og samhandlingsplan 2024–2027: Kortere ventetider og en felles helsetjeneste',
    ingress:
      'Nasjonal helse- og samhandlingsplan 2024–2027 skal bidra til kortere ventetider og en mer sammenhengende helsetjeneste. Her får du en oversikt over bakgrunnen for planen og regjeringens mål for samhandlingen.',
    body: doc(
      paragraph(
        'Daværende helse- og omsorgsminister Ingvild Kjerkol presenterte planen fredag 1. mars 2024. Planen ser sykehusene og de kommunale helse- og omsorgstjenestene i sammenheng, slik at pasientene skal møte ',
        italic('én felles helsetjeneste'),
        '.',
      ),
      heading(2, 'Hvorfor trengs en samhandlingsplan?'),
      paragraph(
        'Sykehusene tilbyr befolkningen spesialisert behandling. Kommunene har ansvar for å sørge for gode og forsvarlige helse- og omsorgstjenester til alle som trenger det, uavhengig av alder eller diagnose. Mange pasienter trenger hjelp fra begge, og da må overgangene fungere.',
      ),
      paragraph(
        'Helse- og omsorgsdepartementet har et overordnet ansvar for alle sykehus i Norge, og staten eier de offentlige sykehusene. Sykehusene er organisert i fire regionale helseforetak.',
      ),
      heading(2, 'Regjeringens mål'),
      paragraph(
        'Regjeringen vil forbedre samhandlingsreformen og utvikle en kommunehelsetjeneste som er nær, oppdatert og forberedt på å møte helse- og omsorgsbehovet til en befolkning i endring. ',
        bold('Fundamentet for samhandlingen er en fungerende fastlegeordning.'),
      ),
      heading(3, 'I kommunene'),
      bulletList(
        'styrke fastlegeordningen slik at rekruttering og stabil legedekning sikres i hele landet',
        'opprette flere distriktsmedisinske sentre, helsehus og intermediære avdelinger, slik at flere behandlingstilbud kan gis ute i kommunene',
        'styrke helsestasjonene og skolehelsetjenesten',
      ),
      heading(3, 'I sykehusene'),
      bulletList(
        'få ned ventetidene og ta igjen behandlingsetterslepet etter koronapandemien',
        'utvikle og styrke det desentraliserte sykehustilbudet og den lokale akuttberedskapen',
        'sørge for en finansiering som legger til rette for sammenhengende pasientforløp mellom kommunehelsetjenesten og spesialisthelsetjenesten',
      ),
      heading(2, 'Mer informasjon'),
      paragraph('Pressemeldinger og annen informasjon om planen finner du på ', link('Helse- og omsorgsdepartementets sider på regjeringen.no', HOD_NB), '.'),
    ),
    contacts: [],
    tags: ['Nasjonal helse- og samhandlingsplan', 'samhandling', 'ventetider'],
    embargoAt: null,
    internalNote: '',
  },
  {
    sampleKey: 'kven-gjer-kva-helse-og-sosialtenester',
    type: 'artikkel',
    maalform: 'nn',
    title: 'Kven gjer kva i helse- og sosialtenestene?',
    ingress:
      'Alle som treng det, skal få gode og forsvarlege helse- og sosialtenester – uavhengig av alder, inntekt og diagnose. Her får du oversikt over korleis ansvaret er fordelt mellom kommunane, sjukehusa og staten.',
    body: doc(
      paragraph(
        'Det er i stor grad kommunane og helseføretaka – det vil seie sjukehusa – som tilbyr helse- og sosialtenestene. Staten set rammene og fører tilsyn.',
      ),
      heading(2, 'Kommunane'),
      paragraph(
        'Kommunane skal sørgje for gode og forsvarlege helse- og omsorgstenester til alle som treng det, uavhengig av alder eller diagnose. Fastlegen, helsestasjonen, heimetenestene og sjukeheimane er døme på kommunale tenester.',
      ),
      heading(2, 'Sjukehusa'),
      paragraph(
        'Sjukehusa tilbyr spesialisert behandling. I tillegg har dei oppgåver innan forsking, utdanning og opplæring av pasientar og pårørande. Staten eig dei offentlege sjukehusa, og dei er organiserte i fire regionale helseføretak.',
      ),
      paragraph('Helse- og omsorgsdepartementet har det overordna ansvaret for alle sjukehus i Noreg.'),
      heading(2, 'Staten'),
      paragraph(
        'Staten skal sikre like rammevilkår gjennom regelverk og økonomiske rammer. Staten har òg ansvar for å føre tilsyn og kontroll med helse- og sosialtenestene. Mykje av tilsyns- og kontrollarbeidet blir gjort av ',
        bold('Statsforvaltaren'),
        '.',
      ),
      heading(3, 'Tilskot til kommunane'),
      paragraph('Staten gir òg tilskot til kommunar som vil styrkje tenestene sine. Nokre døme:'),
      bulletList(
        [
          italic('Tilskot til rettleiing i spesialiteten allmennmedisin'),
          ': Kommunar kan søkje om tilskot for rettleiing av allmennlegar (LIS 3 i allmennmedisin). Ein søkjer i Altinn.',
        ],
        [
          italic('Eldre ut på middag'),
          ': Tilskotsordninga skal gjere det mogleg for kommunar som samarbeider med restaurantar, å tilby billege middagar for heimebuande eldre som ønskjer å ete saman.',
        ],
        [
          italic('Tilskot til smitteverns- og oppfølgingsarbeid'),
          ': Tilskotet skulle gi rom for gjenopning og tilpassing av tenestetilbod for personar med rus- og psykiske helseproblem under koronapandemien.',
        ],
      ),
      paragraph('Kvar ordning har eigne kriterium og søknadsfristar. Oppdatert informasjon finn du på ', link('sidene til Helse- og omsorgsdepartementet', HOD_NN), '.'),
    ),
    contacts: [],
    tags: ['helse- og sosialtenester', 'kommunar', 'tilskot'],
    embargoAt: null,
    internalNote: '',
  },
];
