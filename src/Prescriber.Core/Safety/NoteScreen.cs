using System.Text.RegularExpressions;

namespace Prescriber.Core.Safety;

/// <summary>
/// Screens a patient's free-text note for worrying phrases (clinical-reference.md section 4).
/// Each family is a set of terms that must all appear close together in one clause, so "tight
/// chest" and "chest feels tight" both match. A negation earlier in the same clause ("no chest
/// pain", "not numb", "without tingling") cancels a match; "but" starts a new clause, so in
/// "no fever but my arm is numb" only the numbness counts, while a bare list after a comma stays
/// denied ("no numbness, tingling or weakness"). A negated ability is the symptom itself
/// ("couldn't breathe"). Spelling slips of one letter are
/// tolerated in longer words ("tingeling", "numbnes", "surgary").
/// </summary>
public static partial class NoteScreen
{
    /// <summary>The family of notes that speak of ending one's life or self-harm.</summary>
    public const string SelfHarm = "thoughts of self-harm";

    private const int Window = 8;
    private const int NegationReach = 6;

    // The words of pain; not a prefix, which would take in "painting". "Sore" is added where it
    // is no more than the soreness exercise leaves ("woke up sore" is not pain that wakes).
    private static readonly string[] Pain = ["pain", "pains", "painful", "ache", "aches", "achy", "aching", "hurts", "hurting", "throbbing", "throbs", "spasm", "spasms"];

    // Words for pain that travels ("it goes round to the front").
    private static readonly string[] Travels = ["goes", "going", "went", "moved", "moves", "moving", "spread*", "wraps", "wrapping", "comes", "coming", "radiat*", "travel*"];

    // Terms: a word, or a prefix ending in '*'. A family matches when one term of each group is
    // found within the window. Order inside a family does not matter.
    private static readonly (string Family, ScreeningTier Tier, string[][] Groups)[] Families =
    [
        ("chest pain", ScreeningTier.Emergency, [["chest"], [.. Pain, "hurt", "sore", "pressure", "tight*", "squeez*", "heavy", "heaviness", "discomfort"]]),
        ("crushing pain", ScreeningTier.Emergency, [["crushing"]]),
        // Angina needing its spray during a session is chest pain, named.
        ("angina", ScreeningTier.Emergency, [["angina", "gtn", "nitroglycerin", "nitro"]]),
        ("short of breath", ScreeningTier.Emergency, [["short", "shortness", "trouble", "hard", "difficulty", "can't", "cannot", "couldn't", "unable", "struggling", "struggled"], ["breath*"]]),
        ("out of breath", ScreeningTier.Emergency, [["out"], ["of"], ["breath"]]),
        ("painful breathing", ScreeningTier.Urgent, [["hurts", "hurt", "hurting", "painful"], ["breath*", "inhal*"]]),
        ("breathless", ScreeningTier.Emergency, [["breathless*", "winded"]]),
        ("fainted", ScreeningTier.Emergency, [["faint*", "fainted", "collapsed", "keeled"]]),
        ("passed out", ScreeningTier.Emergency, [["passed", "blacked"], ["out"]]),
        ("passed out", ScreeningTier.Emergency, [["everything", "vision", "eyes", "sight"], ["went", "going", "goes"], ["black", "dark", "grey", "gray"]]),
        ("worst headache", ScreeningTier.Emergency, [["worst", "sudden", "severe", "thunderclap", "splitting", "blinding", "terrible", "awful", "horrible", "excruciating"], ["headache*"]]),
        ("double vision", ScreeningTier.Emergency, [["double", "blurred", "blurry", "blurring", "lost", "dark", "black", "grey", "gray", "dim", "funny", "strange", "weird", "odd", "fuzzy", "foggy"], ["vision", "sight", "seeing"]]),
        // With the face named: alone, "drooping" is one slip away from "dropping" (things).
        ("face drooping", ScreeningTier.Emergency, [["face", "mouth", "smile", "eyelid", "lip", "lips"], ["droop*", "sagging", "lopsided"]]),
        ("slurred speech", ScreeningTier.Emergency, [["slurred", "slurring", "slur", "garbled"]]),
        ("trouble speaking", ScreeningTier.Emergency, [["can't", "cannot", "couldn't", "unable", "trouble", "struggled", "struggling"], ["find", "finding", "get", "getting", "say"], ["words", "word"]]),
        ("trouble swallowing", ScreeningTier.Emergency, [["trouble", "hard", "difficulty", "can't", "cannot", "couldn't", "unable"], ["swallow*"]]),
        ("bladder or bowel", ScreeningTier.Emergency, [["bladder", "bowel*", "incontinen*"]]),
        // How older patients name it: trouble with the "waterworks", not making it to the toilet.
        // With the trouble named: "the waterworks" alone is also crying.
        ("bladder or bowel", ScreeningTier.Emergency, [["trouble", "troubles", "problem*", "issue*", "bother*", "playing", "acting", "wrong", "funny", "difficult*"], ["waterworks"]]),
        ("bladder or bowel", ScreeningTier.Emergency, [["didn't", "couldn't", "can't", "never", "not"], ["make", "made"], ["toilet", "loo", "bathroom", "lavatory"]]),
        // Saddle numbness and retention: the cauda equina signs the checklist's fourth question asks about.
        ("numb between the legs", ScreeningTier.Emergency, [["groin", "saddle", "genital*", "crotch", "perine*"], ["numb*", "tingl*", "feeling", "sensation"]]),
        ("trouble passing urine", ScreeningTier.Emergency, [["trouble", "hard", "difficulty", "can't", "cannot", "couldn't", "unable", "struggle*", "struggling", "haven't", "hasn't"], ["pee", "peeing", "urinat*", "urine", "wee", "weeing"]]),
        ("trouble passing urine", ScreeningTier.Emergency, [["trouble", "hard", "difficulty", "can't", "cannot", "couldn't", "unable", "struggle*", "struggling", "haven't", "hasn't"], ["pass", "passed", "passing"], ["water", "urine"]]),
        ("wet myself", ScreeningTier.Emergency, [["wet", "peed", "soiled"], ["myself", "pants", "trousers"]]),
        ("tearing pain", ScreeningTier.Emergency, [["tearing", "ripping"]]),
        ("pain into the arm, jaw or neck", ScreeningTier.Urgent, [["spread*", "radiat*", "runs", "run", "running", "goes", "going", "travel*", "shoot*", "moves", "into", "down"], ["arm", "arms", "jaw", "neck", "leg", "legs", "hand", "hands"]]),
        // Thoracic pain that travels to the front ("goes into my chest"); not "chin to chest", a stretch's cue.
        ("pain into the chest", ScreeningTier.Urgent, [["spread*", "radiat*", "goes", "going", "travel*", "shoot*", "moves", "moving", "wraps", "wrapping"], ["chest"]]),
        ("pain into the chest", ScreeningTier.Urgent, [Travels, ["round", "around"], ["front"]]),
        // A left arm that aches or feels heavy is urgent; alone, "left arm" is as often a tired arm
        // as a warning (review: the checklist asks about the rest).
        ("left arm", ScreeningTier.Urgent, [["left"], ["arm"], [.. Pain, "sore", "heavy", "heaviness"]]),
        ("left arm", ScreeningTier.Review, [["left"], ["arm"]]),
        ("jaw", ScreeningTier.Urgent, [["jaw"]]),
        ("sweating", ScreeningTier.Urgent, [["sweating", "sweaty", "clammy"]]),
        // A cold sweat is a warning, "a good sweat" after exercise is not.
        ("sweating", ScreeningTier.Urgent, [["cold", "drenched", "pouring", "soaked", "soaking"], ["sweat", "sweats"]]),
        ("nausea", ScreeningTier.Urgent, [["nause*", "vomit*", "queasy"]]),
        // "Felt sick" is nausea in British English; "sick of" (tired of) is not.
        ("feeling sick", ScreeningTier.Urgent, [["feel", "felt", "feeling", "feels"], ["sick"]]),
        ("threw up", ScreeningTier.Urgent, [["threw", "throwing", "throw"], ["up"]]),
        ("dizziness", ScreeningTier.Urgent, [["dizz*", "lightheaded*", "vertigo", "giddy", "woozy"]]),
        ("light-headed", ScreeningTier.Urgent, [["light"], ["headed"]]),
        ("light-headed", ScreeningTier.Urgent, [["seeing", "saw"], ["stars"]]),
        // "A funny turn", "came over all peculiar": how a dizzy spell or a near faint is often told.
        ("dizziness", ScreeningTier.Urgent, [["funny", "dizzy", "strange", "queer", "peculiar", "weird"], ["turn", "turns", "spell", "spells", "episode"]]),
        ("dizziness", ScreeningTier.Urgent, [["came", "come", "comes", "went"], ["over"], ["peculiar", "funny", "strange", "queer", "weird", "faint", "dizzy", "unwell", "poorly", "odd"]]),
        ("room spinning", ScreeningTier.Urgent, [["room", "everything", "head"], ["spinning", "spun", "spins"]]),
        ("palpitations", ScreeningTier.Urgent, [["palpitat*"]]),
        ("heart racing", ScreeningTier.Urgent, [["heart", "heartbeat", "pulse"], ["racing", "raced", "pounding", "flutter*", "skipping", "skipped", "irregular"]]),
        // "Going like the clappers", "ten to the dozen", "thumping", "missed a beat", "all over the place".
        ("heart racing", ScreeningTier.Urgent, [["heart", "heartbeat", "pulse"], ["clappers", "dozen", "thump*", "hammer*", "banging", "galloping", "somersault*"]]),
        ("heart racing", ScreeningTier.Urgent, [["heart", "heartbeat", "pulse"], ["missed", "missing", "dropped", "dropping"], ["beat", "beats"]]),
        ("heart racing", ScreeningTier.Urgent, [["heart", "heartbeat", "pulse"], ["all"], ["over"], ["place"]]),
        ("numbness", ScreeningTier.Urgent, [["numb", "numbness", "numbing"]]),
        ("no feeling", ScreeningTier.Urgent, [["no", "zero", "without"], ["feeling", "sensation"]]),
        ("loss of feeling", ScreeningTier.Urgent, [["lost", "loss", "losing", "lose"], ["feeling", "sensation"]]),
        ("cannot feel", ScreeningTier.Urgent, [["can't", "cannot", "couldn't"], ["feel"], ["finger*", "hand", "hands", "arm", "arms", "leg", "legs", "foot", "feet", "toes", "face", "lips"]]),
        ("limb went dead", ScreeningTier.Urgent, [["dead"], ["arm", "arms", "hand", "hands", "leg", "legs", "fingers"]]),
        ("tingling", ScreeningTier.Urgent, [["tingl*"]]),
        ("pins and needles", ScreeningTier.Urgent, [["pins"], ["needles"]]),
        ("weakness", ScreeningTier.Urgent, [["weak", "weakness", "weaker", "buckled", "buckling"]]),
        ("weakness", ScreeningTier.Urgent, [["arm", "arms", "hand", "hands", "leg", "legs"], ["useless", "limp"]]),
        ("weakness", ScreeningTier.Urgent, [["grip"], ["gone", "going", "lost", "losing", "poor", "weakened"]]),
        // Legs, not arms: arms "like jelly" after the wall angels are tired muscles.
        ("weakness", ScreeningTier.Urgent, [["leg", "legs", "knees"], ["jelly", "rubber", "rubbery"]]),
        ("gave way", ScreeningTier.Urgent, [["gave", "giving", "gives"], ["way", "out"]]),
        ("clumsy", ScreeningTier.Urgent, [["clumsy", "unsteady", "wobbly", "stumbl*", "staggered", "staggering"]]),
        ("lost balance", ScreeningTier.Urgent, [["lost", "losing", "lose", "loses"], ["balance"]]),
        ("lost balance", ScreeningTier.Urgent, [["balance"], ["off", "bad", "poor", "awful", "terrible", "worse", "gone", "wobbly"]]),
        // Losing one's footing is losing one's balance, a near fall: a fall when the note says they
        // went down ("lost my footing and ended up on my side"), not when they caught themselves.
        ("lost balance", ScreeningTier.Urgent, [["lost", "losing", "lose", "loses"], ["footing"]]),
        ("cannot lift", ScreeningTier.Urgent, [["can't", "cannot", "couldn't", "unable"], ["lift", "raise", "move"], ["arm", "arms", "leg", "legs", "hand", "hands", "foot"]]),
        ("dropping things", ScreeningTier.Urgent, [["dropping", "drop", "dropped"], ["things", "everything", "cup", "cups", "stuff", "pen", "pens", "keys", "mug", "glass", "phone", "cutlery", "fork", "spoon"]]),
        ("fever", ScreeningTier.Urgent, [["fever*", "feverish", "temperature"]]),
        ("fever", ScreeningTier.Urgent, [["running", "high"], ["temp"]]),
        ("chills", ScreeningTier.Urgent, [["chills", "shivering", "shivers"]]),
        ("night sweats", ScreeningTier.Urgent, [["night"], ["sweats"]]),
        ("weight loss", ScreeningTier.Urgent, [["weight"], ["loss", "lost", "losing"]]),
        ("weight loss", ScreeningTier.Urgent, [["lost", "losing", "dropped"], ["kilo", "kilos", "kg", "kgs", "pound", "pounds", "lbs", "stone"]]),
        ("weight loss", ScreeningTier.Urgent, [["clothes", "trousers", "jeans", "belt"], ["loose", "looser", "baggy", "hanging"]]),
        ("loss of appetite", ScreeningTier.Urgent, [["lost", "losing", "poor"], ["appetite"]]),
        ("cancer", ScreeningTier.Urgent, [["cancer", "tumour", "tumor", "oncolog*", "chemo*", "radiotherapy", "lump", "lumps"]]),
        ("osteoporosis or steroids", ScreeningTier.Urgent, [["osteopor*", "steroid*", "prednis*", "cortison*"]]),
        ("fall", ScreeningTier.Urgent, [["fall", "fell", "fallen", "tripped", "slipped"]]),
        // A fall in everyday words: "took a tumble", "came a cropper", "missed a step", "lost my
        // balance and went down", "my legs went from under me", "ended up on the floor", "went over
        // on my ankle", "the dog knocked me over", "went flying". Not a tumble dryer (below).
        ("fall", ScreeningTier.Urgent, [["tumble", "tumbles", "tumbled"]]),
        ("fall", ScreeningTier.Urgent, [["came", "come", "comes", "coming"], ["cropper", "croppers"]]),
        ("fall", ScreeningTier.Urgent, [["missed", "miss", "misses", "missing"], ["step", "kerb", "curb", "footing"]]),
        ("fall", ScreeningTier.Urgent, [["balance", "footing"], ["went", "gone", "going"], ["down", "over", "flying"]]),
        ("fall", ScreeningTier.Urgent, [["went", "gone", "going"], ["down"], ["heap", "sack", "bricks"]]),
        ("fall", ScreeningTier.Urgent, [["legs", "leg", "feet"], ["from"], ["under", "underneath"], ["me"]]),
        ("fall", ScreeningTier.Urgent, [["ended"], ["up"], ["floor", "ground", "deck", "side", "bottom", "backside", "bum", "knees"]]),
        ("fall", ScreeningTier.Urgent, [["landed"], ["floor", "ground", "bottom", "backside", "bum", "hip", "knees", "side", "back", "face", "wrist"]]),
        ("fall", ScreeningTier.Urgent, [["found"], ["myself"], ["floor", "ground"]]),
        ("fall", ScreeningTier.Urgent, [["went", "gone", "go", "goes", "going"], ["over"], ["my"], ["ankle", "ankles"]]),
        ("fall", ScreeningTier.Urgent, [["went", "gone"], ["over"], ["ice", "icy", "kerb", "curb", "pavement"]]),
        ("fall", ScreeningTier.Urgent, [["knocked", "pushed"], ["me"], ["over", "down", "flying"]]),
        ("fall", ScreeningTier.Urgent, [["went", "sent"], ["flying"]]),
        ("accident", ScreeningTier.Urgent, [["accident", "crash", "crashed", "collision"]]),
        ("injury", ScreeningTier.Urgent, [["injur*", "fractur*", "concussion", "concussed", "dislocat*"]]),
        ("out of place", ScreeningTier.Urgent, [["popped", "came", "slipped", "went"], ["out"], ["place", "joint", "socket"]]),
        ("blood", ScreeningTier.Urgent, [["blood", "bloody"], ["cough*", "urine", "pee", "stool", "stools", "poo", "vomit*", "spit*", "sputum"]]),
        ("hit my head", ScreeningTier.Urgent, [["hit", "banged", "bumped", "knocked", "bang", "bump"], ["head"]]),
        // Not in the back's reference, but a clinic would want them seen today: a clot in the leg,
        // a seizure.
        ("swollen calf or leg", ScreeningTier.Urgent, [["calf", "calves"], ["swollen", "swelling", "swelled", "hot", "red", "tender", "puffy"]]),
        ("swollen calf or leg", ScreeningTier.Urgent, [["leg", "legs"], ["swollen", "swelling", "swelled", "puffy"], ["red", "hot", "warm", "tender"]]),
        ("seizure", ScreeningTier.Urgent, [["seizure", "seizures", "convulsion", "convulsions", "convulsing"]]),
        ("seizure", ScreeningTier.Urgent, [["had", "having"], ["a"], ["fit"]]),
        ("surgery", ScreeningTier.Urgent, [["surgery", "surgeries", "operation", "operated"]]),
        // Pain that wakes the patient, not waking up as such ("woke up early and did them").
        ("pain at night", ScreeningTier.Urgent, [["wakes", "woke", "waking"], ["me"]]),
        ("pain at night", ScreeningTier.Urgent, [["keeps", "kept", "keeping"], ["me"], ["up", "awake"]]),
        ("pain at night", ScreeningTier.Urgent, [["wakes", "woke", "waking", "wake"], ["night", "awake"]]),
        ("pain at night", ScreeningTier.Urgent, [["woke", "wake", "wakes", "waking"], ["up"], Pain]),
        ("pain at night", ScreeningTier.Urgent, [["woke", "woken", "wakes", "waking"], ["with", "by"], Pain]),
        ("pain at night", ScreeningTier.Urgent, [["can't", "cannot", "couldn't", "unable", "trouble", "hard"], ["sleep"], [.. Pain, "sore"]]),
        // Here the denial is the finding: "not sleeping because of the pain".
        ("pain at night", ScreeningTier.Urgent, [["not", "didn't", "haven't", "hardly", "barely", "badly", "poorly"], ["sleep", "sleeping", "slept"], ["because", "due", "from", "for", "with"], Pain]),
        ("constant pain", ScreeningTier.Urgent, [["constant", "constantly", "unbearable", "excruciat*", "agony", "agonizing", "agonising"]]),
        ("constant pain", ScreeningTier.Urgent, [Pain, ["all"], ["time", "day", "night"]]),
        // "No matter how I lie": the reference's "constant whatever the position".
        ("constant pain", ScreeningTier.Urgent, [["matter", "whatever"], ["position", "positions", "lie", "lay", "lying", "sit", "sitting", "move", "turn"]]),
        ("constant pain", ScreeningTier.Urgent, [["every", "any", "all"], ["position", "positions"]]),
        ("constant pain", ScreeningTier.Urgent, [["can't", "cannot", "couldn't", "unable"], ["get"], ["comfortable", "comfy"]]),
        // Pain that does not settle: here the negation is the symptom (review tier, as in the reference).
        ("pain that won't ease", ScreeningTier.Review, [["won't", "doesn't", "didn't", "hasn't", "never", "isn't"], ["go", "goes", "gone", "going"], ["away"]]),
        ("pain that won't ease", ScreeningTier.Review, [["won't", "doesn't", "hasn't", "never", "isn't", "not"], ["ease", "eases", "easing", "settle", "settles", "settling"]]),
        // Not a back sign, but no clinic would want it missed in a note: urgent for the clinician,
        // and the patient is pointed to emergency services and a crisis line (SafetyChecklist.CrisisLine).
        (SelfHarm, ScreeningTier.Urgent, [["suicid*"]]),
        (SelfHarm, ScreeningTier.Urgent, [["kill", "killing", "harm", "harming"], ["myself"]]),
        (SelfHarm, ScreeningTier.Urgent, [["self"], ["harm", "harming"]]),
        (SelfHarm, ScreeningTier.Urgent, [["end", "ending", "take", "taking"], ["my", "own"], ["life"]]),
        (SelfHarm, ScreeningTier.Urgent, [["end"], ["it"], ["all"]]),
        (SelfHarm, ScreeningTier.Urgent, [["want", "wanted", "wish"], ["to"], ["die", "dead"]]),
        (SelfHarm, ScreeningTier.Urgent, [["better"], ["off"], ["dead"]]),
        (SelfHarm, ScreeningTier.Urgent, [["wish", "wished"], ["dead"]]),
        (SelfHarm, ScreeningTier.Urgent, [["don't", "do"], ["want"], ["live", "living", "alive"]]),
        (SelfHarm, ScreeningTier.Urgent, [["no"], ["point"], ["living", "life"]]),
        // Wanting to, not having done it: "I hurt myself lifting" is an injury.
        (SelfHarm, ScreeningTier.Urgent, [["want", "wanted", "wanting", "urge", "urges", "thoughts"], ["hurt", "hurting"], ["myself"]]),
        (SelfHarm, ScreeningTier.Urgent, [["off", "be"], ["better"], ["without"], ["me"]]),
        // Hopelessness: "I don't see the point of any of it anymore", "what's the point of going
        // on", "I can't go on", "no reason to go on", "nothing to live for". Here the denial is the
        // finding, so "don't" is one of the words. Not about the exercises ("I don't see the point
        // of the stretches anymore", "can't go on the bike": see ExcusedBy).
        (SelfHarm, ScreeningTier.Urgent, [["don't", "can't", "cannot"], ["see"], ["point"], ["any", "anymore", "anything", "living", "life", "on"]]),
        (SelfHarm, ScreeningTier.Urgent, [["what's", "whats", "what"], ["point"], ["anymore", "anything", "living", "life"]]),
        (SelfHarm, ScreeningTier.Urgent, [["point"], ["going", "go", "carrying", "carry"], ["on"]]),
        (SelfHarm, ScreeningTier.Urgent, [["can't", "cannot"], ["go", "carry"], ["on"]]),
        (SelfHarm, ScreeningTier.Urgent, [["no", "nothing"], ["reason"], ["live", "living", "on"]]),
        (SelfHarm, ScreeningTier.Urgent, [["nothing"], ["live"], ["for"]]),
        // Low mood: not a back sign, but the clinician should hear of it (review). Not "low" alone,
        // an exercise word ("low back", "low row", "lower the arms"), and not a place the pain
        // is felt ("feel it down my leg", "felt better lying down": see FamilyExcusedBy).
        ("low mood", ScreeningTier.Review, [["feel", "feeling", "felt", "feels"], ["low", "down", "blue", "depressed", "tearful", "weepy", "sad", "lonely"]]),
        ("low mood", ScreeningTier.Review, [["depressed", "depression", "depressive", "antidepress*", "depressant*"]]),
        ("low mood", ScreeningTier.Review, [["low", "poor", "flat"], ["mood", "moods", "spirits"]]),
        ("low mood", ScreeningTier.Review, [["down"], ["dumps"]]),
        ("low mood", ScreeningTier.Review, [["low", "down"], ["in"], ["myself"]]),
        ("low mood", ScreeningTier.Review, [["rock"], ["bottom"]]),
        ("low mood", ScreeningTier.Review, [["getting", "gets", "got"], ["me"], ["down"]]),
        // Not settled by the next morning (review in the reference).
        ("pain that won't ease", ScreeningTier.Review, [["still"], [.. Pain, "sore", "there"], ["next", "following", "morning"]]),
        // Worse by the patient's own account: the rules see a rise in the scores, this sees the words.
        // With the pain or the place named, or "getting worse": a worse posture or form is no symptom.
        ("getting worse", ScreeningTier.Review, [["worse", "worsening", "worsened"], [.. Pain, "sore", "soreness", "stiff", "stiffness", "symptoms", "back", "neck", "shoulder", "shoulders", "blades", "spine", "ribs"]]),
        ("getting worse", ScreeningTier.Review, [["getting", "gotten", "keeps"], ["worse"]]),
        // A new strain: whether it was an injury is the checklist's eighth question.
        ("new strain", ScreeningTier.Review, [["hurt", "injured", "tweaked", "pulled", "strained", "sprained", "wrenched"], ["my", "his", "her"], ["back", "neck", "shoulder", "shoulders", "spine", "ribs"]]),
        ("new strain", ScreeningTier.Review, [["back"], ["went", "gone", "goes"], ["out"]]),
        ("new strain", ScreeningTier.Review, [["threw", "thrown", "put"], ["my"], ["back", "neck"], ["out"]]),
        ("new strain", ScreeningTier.Review, [["something"], ["popped", "snapped", "went", "gave", "tore", "pinged", "twanged"], ["back", "neck", "shoulder", "spine", "ribs"]]),
        // The score says how bad; the words still bring the checklist when the score was left low.
        ("severe pain", ScreeningTier.Review, [["severe", "terrible", "awful", "horrible", "intense", "extreme"], [.. Pain, "hurt"]]),
        ("severe pain", ScreeningTier.Review, [["struggling", "struggle", "can't", "cannot", "unable", "barely"], ["cope", "coping"]]),
        ("severe pain", ScreeningTier.Review, [["through"], ["roof"]]),
        ("stabbing pain", ScreeningTier.Review, [["knife", "knives", "stabbing", "stab", "stabs"]]),
        ("shooting pain", ScreeningTier.Review, [["shooting"]]),
        ("electric pain", ScreeningTier.Review, [["electric*", "shocks"]]),
        ("burning pain", ScreeningTier.Review, [["burning", "burns"]]),
        ("sharp pain", ScreeningTier.Review, [["sharp"]]),
        ("spreading pain", ScreeningTier.Review, [["spread*", "radiat*"]]),
        // Round the ribs or the side: the path of a thoracic nerve, worth a look.
        ("spreading pain", ScreeningTier.Review, [Travels, ["round", "around"], ["ribs", "rib", "side", "ribcage"]]),
    ];

    // A family does not match when its last word is followed by one of these: "sick of" is fed
    // up, "no feeling of dizziness" denies dizziness.
    private static readonly Dictionary<string, string[]> NotFollowedBy = new()
    {
        ["feeling sick"] = ["of"],
        ["no feeling"] = ["of", "like"],
        // Falling asleep or behind is no fall, nor is a tumble dryer or the ankle exercises.
        ["fall"] = ["asleep", "behind", "apart", "short", "through", "for", "dryer", "dryers", "drier", "driers", "dry", "dried", "turn",
                    "turns", "weed", "ups", "exercise", "exercises", "stretch", "stretches", "circles", "ones"],
        ["weakness"] = ["spot", "spots", "point", "points", "link"],
        // "Had a fit of coughing" is no seizure.
        ["seizure"] = ["of", "ball", "bit", "free"],
        // A headache on waking is not back pain that wakes.
        ["pain at night"] = ["headache", "headaches"],
        // The "dead bug" is an exercise; "no point going on about it" is talk.
        [SelfHarm] = ["bug", "bugs", "about"],
        // Down or low is where or how the pain is felt: "felt it down my leg", "low in my back", "a low ache".
        ["low mood"] = ["my", "into", "through", "to", "towards", "onto", "across", "along", "in", .. Pain, "sore", "soreness", "stiffness"],
    };

    // A family does not match at all in a clause that also names one of these: "felt better lying
    // down", "feel the stretch down the back of my thigh", "felt fine up and down the stairs" tell
    // where, not how the patient feels.
    private static readonly Dictionary<string, string[]> FamilyExcusedBy = new()
    {
        ["low mood"] = ["lying", "lie", "lay", "laid", "lies", "sit", "sat", "sitting", "kneel", "kneeling", "knelt", "bend", "bending", "bent",
                        "squat", "squatting", "up", "stairs", "steps", "floor", "mat", "ground", "bed", "sofa", "stretch", "stretches", "stretching",
                        "pull", "cool", "warm", "slow", "slowly", "letting", "let", "leg", "legs", "arm", "arms", "thigh", "thighs", "calf",
                        "calves", "hamstring", "hamstrings", "shin", "shins", "foot", "feet", "toes", "hand", "hands", "fingers"],
    };

    // Heat from the session, or hands sweaty on the band: a reason to be sweaty.
    private static readonly string[] ExerciseHeat =
        ["hot", "warm", "after", "afterwards", "worked", "working", "workout", "exercise", "exercises", "exercising", "session", "sessions",
         "usual", "normal", "gym", "walk", "bike", "heat", "weather", "sun", "summer", "hands", "palms", "grip"];

    // The exercises, kit and outings a patient may be fed up with: "I can't go on the bike" is no
    // hopelessness.
    private static readonly string[] Pastimes =
        ["exercise", "exercises", "exercising", "ones", "set", "sets", "reps", "stretch", "stretches", "stretching", "band", "bands", "ball", "mat",
         "plan", "program", "programme", "routine", "app", "video", "videos", "session", "sessions", "physio", "holiday", "holidays", "bike",
         "treadmill", "trip", "walk", "walks", "class", "classes", "gym", "pool", "course", "slides", "raises", "angels", "bridges", "squats", "rows",
         "floor", "ground", "knees", "kneel", "kneeling", "stairs", "ladder", "bus", "train", "plane", "cruise", "computer", "internet", "online"];

    // What makes sweat a warning.
    private static readonly string[] SweatWarnings =
        ["cold", "clammy", "chest", "pale", "grey", "gray", "faint", "dizzy", "sick", "breath", "breathless", "night", "heart", "racing",
         "arm", "jaw", "shaky", "shaking", "unwell", "ill", "poorly", "off", "rough", "awful", "terrible", "funny", "strange", "weird", "peculiar",
         "drenched", "pouring", "soaked", "soaking"];

    // Things that can go flying or tumble without the patient.
    private static readonly string[] Things = ["band", "bands", "ball", "strap", "towel", "weight", "weights", "cushion", "bottle", "books", "box", "boxes", "shelf"];

    // A word does not count in a clause that also names one of these: being unsteady on the Swiss
    // ball (the library's I/Y/T/W) is the exercise, not unsteady walking, and a band that slipped
    // is no fall. Other words of the clause still count ("the band slipped and I fell").
    private static readonly string[] Unstable = ["ball", "board", "cushion", "bosu"];

    private static readonly Dictionary<string, string[]> ExcusedBy = new()
    {
        ["unsteady"] = Unstable,
        ["wobbly"] = Unstable,
        ["wobble"] = Unstable,
        ["wobbling"] = Unstable,
        ["balance"] = Unstable,
        ["slipped"] = ["band", "bands", "grip", "strap", "handle", "towel", "hands", "fingers"],
        // A lost footing on the ball or board is the exercise; a band or ball that went flying is no fall.
        ["footing"] = Unstable,
        ["flying"] = Things,
        ["tumbled"] = Things,
        ["tumble"] = ["rough"],
        // "Ended up doing them on the floor" is where, not a fall; a stitch in the side is no fall.
        ["ended"] = ["doing", "stitch"],
        // A missed step of the routine is no fall.
        ["step"] = ["video", "videos", "routine", "sequence", "instructions", "sheet", "printout", "order", "class", "classes", "aerobics"],
        // Sweat from the work is expected ("hot and sweaty after", "sweating on the bike"); a cold
        // sweat, or sweating with a warning, still counts (see StillCountsWith).
        ["sweaty"] = ExerciseHeat,
        ["sweating"] = ExerciseHeat,
        // Hopelessness about the exercises, not about life: "I don't see the point of the stretches
        // anymore", "can't go on the bike".
        ["see"] = Pastimes,
        ["on"] = Pastimes,
        ["what's"] = Pastimes,
        ["whats"] = Pastimes,
        ["what"] = Pastimes,
        // "Low back", "low row", "low weights", "low on energy": the word of an exercise or a place.
        ["low"] = ["back", "backs", "spine", "row", "rows", "weight", "weights", "reps", "level", "levels", "impact", "intensity", "sugar",
                   "sugars", "pressure", "energy", "motivation", "battery", "chair", "stool", "table", "shelf", "step", "down", "setting", "gear"],
        ["blue"] = ["band", "bands", "ball", "mat", "tube", "theraband"],
    };

    // A word its clause would excuse still counts when the clause names a warning: "cold and
    // sweaty after the session", "sweating after with chest pain".
    private static readonly Dictionary<string, string[]> StillCountsWith = new()
    {
        ["sweaty"] = SweatWarnings,
        ["sweating"] = SweatWarnings,
    };

    // Everyday words one letter away from a term, or starting with a term's prefix: they match a
    // term only when they are it ("skipped" is no slip of "slipped", "fewer" none of "fever",
    // "painting" is not pain), so a note about a skipped set or a spreadsheet is not a flag.
    private static readonly HashSet<string> OrdinaryWords =
        ["fewer", "sweat", "skip", "skipped", "skipping", "tripled", "tripling", "stay", "stays", "shouting", "shook", "keep", "move",
         "paint", "paints", "painted", "painting", "painter", "spreadsheet", "spreadsheets", "radiator", "radiators", "thought",
         "stars", "trapped", "trapping", "tumbler", "tumblers", "cropped", "copper", "chopper", "thumb", "thumbs", "dozed", "dozes",
         "angle", "angles", "lovely"];

    private static readonly HashSet<string> Negations =
        ["no", "not", "never", "without", "denies", "deny", "none", "nor", "neither", "don't", "didn't", "doesn't", "isn't", "wasn't", "haven't", "hasn't", "hadn't", "aren't", "weren't", "zero"];

    // A spaced dash, a colon or brackets start a new clause too; a hyphen inside a word does not.
    [GeneratedRegex(@"[.;:!?()\n]+|,|\s[-\u2013\u2014]+\s|[\u2013\u2014]|\b(?:but|however|although|though|except|yet)\b")]
    private static partial Regex ClauseBreak();

    [GeneratedRegex(@"[a-z0-9']+")]
    private static partial Regex Word();

    [GeneratedRegex(@"\b(did|do|does|is|was|were|have|has|had|are|could|would|should|ca|wo)nt\b")]
    private static partial Regex Contraction();

    public static IReadOnlyList<NoteMatch> Screen(string? note)
    {
        if (string.IsNullOrWhiteSpace(note))
        {
            return [];
        }

        var text = note.ToLowerInvariant().Replace('\u2019', '\'').Replace("n’t", "n't", StringComparison.Ordinal);
        // Phones drop the apostrophe: "didnt fall" denies as "didn't fall" does.
        text = Contraction().Replace(text, "$1n't");
        var matches = new List<NoteMatch>();
        var negatedList = false;
        // The matches of the latest clause that had any, and those a "went away" lowered (a
        // "came back" restores them).
        List<int> latest = [];
        var lowered = new List<(int Index, NoteMatch Was, NoteMatch Now)>();
        void Lower(int index)
        {
            var match = matches[index];
            if (match.Tier == ScreeningTier.Urgent && Passing.Contains(match.Family))
            {
                matches[index] = match with { Tier = ScreeningTier.Review };
                lowered.Add((index, match, matches[index]));
            }
        }

        foreach (var (clause, afterComma, beforeContrast) in Clauses(text))
        {
            var tokens = Word().Matches(clause).Select(m => m.Value).ToArray();
            var hits = Hits(tokens);
            bool IsListWord(int t) => ListWord(tokens, hits, t);

            // "No numbness, tingling or weakness": the words after the comma are still denied.
            // Only a bare list of symptoms carries the "no" on ("no fever, numb fingers" and
            // "no pain, but dizzy" count), and never past an emergency word: for those, an
            // ambiguous note is better shown to the clinician than missed.
            var continuesDenial = afterComma && !beforeContrast && negatedList && tokens.Length > 0 && Enumerable.Range(0, tokens.Length).All(IsListWord);
            var found = new List<(int Index, int End)>();
            for (var f = 0; f < Families.Length; f++)
            {
                var (family, tier, groups) = Families[f];
                if ((continuesDenial && tier < ScreeningTier.Emergency)
                    || (FamilyExcusedBy.TryGetValue(family, out var excusers) && tokens.Any(excusers.Contains)))
                {
                    continue;
                }

                // One match a family name, the highest tier its variants reach.
                var earlier = matches.FindIndex(m => m.Family == family);
                if ((earlier < 0 || matches[earlier].Tier < tier)
                    && FindUnnegated(tokens, hits, FirstGroup[f], groups.Length, NotFollowedBy.GetValueOrDefault(family)) is { } span)
                {
                    var match = new NoteMatch(family, tier, string.Join(' ', tokens[span.Start..(span.End + 1)]));
                    if (earlier < 0)
                    {
                        matches.Add(match);
                    }
                    else
                    {
                        matches[earlier] = match;
                    }

                    found.Add((earlier < 0 ? matches.Count - 1 : earlier, span.End));
                }
            }

            // A passing symptom told as passed ("my hand tingled, it went away after a minute") is
            // for the clinician to review, not a reason to stop today; the checklist still asks.
            if (found.Count > 0)
            {
                latest = [.. found.Select(m => m.Index)];
                foreach (var (index, end) in found.Where(m => SaysPassed(tokens, m.End + 1)))
                {
                    Lower(index);
                }
            }
            else if (SaysPassed(tokens, 0))
            {
                latest.ForEach(Lower);
            }
            else if (SaysReturned(tokens))
            {
                foreach (var (index, was, now) in lowered.Where(l => matches[l.Index] == l.Now))
                {
                    matches[index] = was;
                }

                lowered.Clear();
            }

            negatedList = continuesDenial || (tokens.Length > 1 && Negations.Contains(tokens[0]) && Enumerable.Range(1, tokens.Length - 1).All(IsListWord));
        }

        return matches;
    }

    // Symptoms that come and go with effort or posture: told as passed, they are lowered from
    // urgent to review. Not weakness, speech, vision, falls or anything of the emergency tier:
    // those matter even when they have passed.
    private static readonly HashSet<string> Passing =
        ["numbness", "tingling", "pins and needles", "limb went dead", "cannot feel", "no feeling", "loss of feeling", "dizziness",
         "light-headed", "room spinning", "nausea", "feeling sick", "threw up", "sweating", "heart racing", "palpitations",
         "pain at night", "constant pain"];

    /// <summary>Whether the words from <paramref name="from"/> on say it has passed ("went away", "has gone", "settled"), not denied ("hasn't gone").</summary>
    private static bool SaysPassed(string[] tokens, int from)
    {
        for (var i = from; i < tokens.Length; i++)
        {
            var before = i > 0 ? tokens[i - 1] : "";
            var next = i + 1 < tokens.Length ? tokens[i + 1] : "";
            var passed = tokens[i] switch
            {
                "away" => before is "went" or "goes" or "gone" or "go" or "going" or "faded" or "wore" or "worn" or "wears" or "died",
                // Not "gone numb" or "gone down my arm": that is the symptom going somewhere.
                "gone" => next is not ("to" or "down" or "into" or "up" or "through" or "numb" or "dead" or "weak" or "worse" or "funny" or "all" or "right"),
                "passed" => next != "out",
                "normal" => before == "to",
                "settled" or "subsided" or "disappeared" or "cleared" or "vanished" or "faded" or "resolved" => true,
                _ => false,
            };
            if (passed && !Enumerable.Range(Math.Max(from, i - 3), i - Math.Max(from, i - 3)).Any(j => IsNegation(tokens, j)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a clause says a symptom came back ("but it came back", "returned later").</summary>
    private static bool SaysReturned(string[] tokens) =>
        tokens.Any(t => t is "returned" or "returning" or "recurred")
        || tokens.Skip(1).Where((t, i) => t == "back" && tokens[i] is "came" or "comes" or "come" or "coming").Any();

    /// <summary>
    /// The clauses of a note, each with whether a comma came before it (rather than a stop or a
    /// "but") and whether a contrast ("but", "though") follows it ("no pain, dizzy though").
    /// </summary>
    private static IEnumerable<(string Clause, bool AfterComma, bool BeforeContrast)> Clauses(string text)
    {
        var at = 0;
        var afterComma = false;
        foreach (Match separator in ClauseBreak().Matches(text))
        {
            yield return (text[at..separator.Index], afterComma, char.IsLetter(separator.Value[0]));
            afterComma = separator.Value == ",";
            at = separator.Index + separator.Length;
        }

        yield return (text[at..], afterComma, false);
    }

    // Words a list of denied symptoms is made of: joining words, and the symptom words that
    // stand alone ("numbness", "fever"). Not body parts: in "no fever, numb fingers" the second
    // part is a finding of its own.
    private static readonly HashSet<string> ListFillers =
        ["or", "and", "nor", "any", "more", "real", "at", "all", "of", "a", "bit", "the", "pins", "needles", "night", "sweats", "weight", "loss",
         "shortness", "breath", "chest", "pain", "pressure", "tightness", "double", "vision", "slurred", "speech", "trouble", "swallowing"];

    // Every group of every family in one row, so each word of a note is compared with each term
    // once: a note is screened on every log, and comparing per family and position cost 100-150 us
    // for a two-sentence note (now about 50).
    private static bool ListWord(string[] tokens, bool[,] hits, int t) =>
        ListFillers.Contains(tokens[t]) || Negations.Contains(tokens[t]) || StandAloneGroups.Any(g => hits[t, g]);

    private static readonly string[][] AllGroups = [.. Families.SelectMany(f => f.Groups)];

    private static readonly int[] FirstGroup = [.. Families.Select((f, i) => Families.Take(i).Sum(e => e.Groups.Length))];

    /// <summary>The groups of the families that are one word alone ("numbness", "fever").</summary>
    private static readonly int[] StandAloneGroups = [.. Families.Select((f, i) => (f, i)).Where(x => x.f.Groups.Length == 1).Select(x => FirstGroup[x.i])];

    /// <summary>Which group each word of a clause belongs to: [word, group].</summary>
    private static bool[,] Hits(string[] tokens)
    {
        var hits = new bool[tokens.Length, AllGroups.Length];
        for (var t = 0; t < tokens.Length; t++)
        {
            if (TermsByLetter.TryGetValue(tokens[t][0], out var terms))
            {
                foreach (var (group, term) in terms)
                {
                    hits[t, group] |= Matches(tokens[t], term);
                }
            }

            if (ExcusedBy.TryGetValue(tokens[t], out var excusers) && tokens.Any(excusers.Contains)
                && !(StillCountsWith.TryGetValue(tokens[t], out var warnings) && tokens.Any(warnings.Contains)))
            {
                for (var g = 0; g < AllGroups.Length; g++)
                {
                    hits[t, g] = false;
                }
            }
        }

        return hits;
    }

    /// <summary>Every term with its group, by first letter: a slip never changes the first letter (see <see cref="Matches"/>).</summary>
    private static readonly Dictionary<char, (int Group, string Term)[]> TermsByLetter = AllGroups
        .SelectMany((terms, group) => terms.Select(term => (Group: group, Term: term)))
        .GroupBy(e => e.Term[0])
        .ToDictionary(g => g.Key, g => g.ToArray());

    /// <summary>The highest tier among the matches, or None.</summary>
    public static ScreeningTier TierOf(IEnumerable<NoteMatch> matches) => matches.Select(m => m.Tier).DefaultIfEmpty(ScreeningTier.None).Max();

    /// <summary>The first span where one word of each of the family's groups stands within the window, not negated.</summary>
    private static (int Start, int End)? FindUnnegated(string[] tokens, bool[,] hits, int firstGroup, int groupCount, string[]? notFollowedBy)
    {
        Span<int> used = stackalloc int[groupCount];
        for (var start = 0; start < tokens.Length; start++)
        {
            var any = false;
            for (var g = 0; g < groupCount && !any; g++)
            {
                any = hits[start, firstGroup + g];
            }

            if (!any)
            {
                continue;
            }

            // Each group takes the first word in the window no earlier group took.
            var end = Math.Min(tokens.Length - 1, start + Window - 1);
            var complete = true;
            for (var g = 0; g < groupCount && complete; g++)
            {
                complete = false;
                for (var i = start; i <= end; i++)
                {
                    if (hits[i, firstGroup + g] && !used[..g].Contains(i))
                    {
                        used[g] = i;
                        complete = true;
                        break;
                    }
                }
            }

            if (complete && used.Contains(start) && !Negated(tokens, hits, start))
            {
                var last = start;
                foreach (var i in used)
                {
                    last = Math.Max(last, i);
                }

                // "Pain was not severe", "my chest isn't tight": a denial between the words (not
                // one of the family's own words: "better without me").
                var denied = false;
                for (var i = start + 1; i < last && !denied; i++)
                {
                    denied = !used.Contains(i) && IsNegation(tokens, i);
                }

                if (!denied && (notFollowedBy is null || last + 1 >= tokens.Length || !notFollowedBy.Contains(tokens[last + 1])))
                {
                    return (start, last);
                }
            }
        }

        return null;
    }

    private static bool Negated(string[] tokens, bool[,] hits, int start)
    {
        // Walks back from the symptom: a word that opens a new thought ends the negation's reach,
        // so "I don't know why my arm is numb" and "not sure if my hand is numb" count. "And"
        // ends it only before a new thought: "no pain and my hand went numb" counts, "no numbness
        // and tingling" is one denied list.
        for (var i = start - 1; i >= Math.Max(0, start - NegationReach); i--)
        {
            if (NegationStops.Contains(tokens[i]) || (tokens[i] == "and" && !ListWord(tokens, hits, i + 1))
                || (tokens[i] == "no" && tokens[i + 1] == "matter"))
            {
                return false;
            }

            if (IsNegation(tokens, i) || DeniesFeeling(tokens, i, start))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "Not feeling dizzy", "I'm not feeling down": a denial of the feeling named right after it,
    /// unlike "no feeling in my hand" (the symptom, see <see cref="IsNegation"/>); "not feeling
    /// great and a bit dizzy" still counts the dizziness.
    /// </summary>
    private static bool DeniesFeeling(string[] tokens, int i, int start) =>
        start - i <= 2 && tokens[i + 1] == "feeling" && tokens[i] is not ("no" or "zero" or "without" or "can't" or "couldn't")
        && (Negations.Contains(tokens[i]) || tokens[i].EndsWith("n't", StringComparison.Ordinal));

    private static bool IsNegation(string[] tokens, int i)
    {
        // "Couldn't breathe", "can't feel my hand", "wasn't able to stop the tingling": a
        // negated ability is the symptom itself, not its absence; so is "no feeling in my hand".
        // "No matter how I lie" denies nothing.
        var next = i + 1 < tokens.Length ? tokens[i + 1] : "";
        if (tokens[i] is "can't" or "couldn't" || next is "able" or "matter"
            || (next is "feeling" or "sensation" && (i + 2 >= tokens.Length || tokens[i + 2] is not ("of" or "like"))))
        {
            return false;
        }

        return Negations.Contains(tokens[i]) || tokens[i].EndsWith("n't", StringComparison.Ordinal);
    }

    private static readonly HashSet<string> NegationStops =
        ["because", "cause", "since", "when", "so", "then", "now", "until", "after", "why", "if", "whether", "what", "how", "where", "know", "sure", "think", "understand", "wonder"];

    private static bool Matches(string token, string term)
    {
        // A slip rarely hits the first letter; requiring it keeps "never" from reading as "fever".
        if (token.Length == 0 || token[0] != term[0] || (token != term && OrdinaryWords.Contains(token)))
        {
            return false;
        }

        if (term.EndsWith('*'))
        {
            var prefix = term[..^1];
            return token.StartsWith(prefix, StringComparison.Ordinal)
                || (prefix.Length >= 5 && token.Length >= prefix.Length && OneSlip(token.AsSpan(0, prefix.Length), prefix))
                || (prefix.Length >= 5 && token.Length >= prefix.Length + 1 && OneSlip(token.AsSpan(0, prefix.Length + 1), prefix));
        }

        return token == term || (term.Length >= 5 && Math.Abs(token.Length - term.Length) <= 1 && OneSlip(token, term));
    }

    /// <summary>
    /// At most one slip apart: equal, or one letter changed, added, dropped, or two neighbours
    /// swapped (optimal string alignment distance of at most one), without building the table.
    /// </summary>
    private static bool OneSlip(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length == b.Length)
        {
            var i = a.CommonPrefixLength(b);
            return i == a.Length
                || a[(i + 1)..].SequenceEqual(b[(i + 1)..])
                || (i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && a[(i + 2)..].SequenceEqual(b[(i + 2)..]));
        }

        if (Math.Abs(a.Length - b.Length) != 1)
        {
            return false;
        }

        if (a.Length > b.Length)
        {
            return OneSlip(b, a);
        }

        var j = a.CommonPrefixLength(b);
        return a[j..].SequenceEqual(b[(j + 1)..]);
    }
}
