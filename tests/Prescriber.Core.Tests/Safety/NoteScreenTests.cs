using Prescriber.Core.Safety;

namespace Prescriber.Core.Tests.Safety;

public sealed class NoteScreenTests
{
    // note, the tier the words reach (before the patient answers), a family expected (or null for none).
    public static TheoryData<string, ScreeningTier, string?> Notes => new()
    {
        // The two comments under the source video.
        { "knives in my shoulder blade area and it runs up into my neck", ScreeningTier.Urgent, "pain into the arm, jaw or neck" },
        { "pain spread from the spine to my left arm for 7 months, after two L5-S1 surgeries", ScreeningTier.Urgent, "surgery" },
        // Emergency word families.
        { "I had chest pain during the stretch", ScreeningTier.Emergency, "chest pain" },
        { "my chest feels tight", ScreeningTier.Emergency, "chest pain" },
        { "tight chest after the T raises", ScreeningTier.Emergency, "chest pain" },
        { "crushing feeling", ScreeningTier.Emergency, "crushing pain" },
        { "I was short of breath", ScreeningTier.Emergency, "short of breath" },
        { "felt breathless on the floor", ScreeningTier.Emergency, "breathless" },
        { "I nearly fainted getting up", ScreeningTier.Emergency, "fainted" },
        { "passed out for a second", ScreeningTier.Emergency, "passed out" },
        { "worst headache of my life", ScreeningTier.Emergency, "worst headache" },
        { "had double vision afterwards", ScreeningTier.Emergency, "double vision" },
        { "my speech was slurred", ScreeningTier.Emergency, "slurred speech" },
        { "trouble swallowing tonight", ScreeningTier.Emergency, "trouble swallowing" },
        { "lost control of my bladder", ScreeningTier.Emergency, "bladder or bowel" },
        { "sudden tearing pain between my shoulder blades", ScreeningTier.Emergency, "tearing pain" },
        { "numbness in my groin area and trouble peeing", ScreeningTier.Emergency, "numb between the legs" },
        { "I can't pee properly since yesterday", ScreeningTier.Emergency, "trouble passing urine" },
        { "I have no sensation in my groin", ScreeningTier.Emergency, "numb between the legs" },
        { "splitting headache after the bird dogs", ScreeningTier.Emergency, "worst headache" },
        // Urgent word families.
        { "my left hand went numb", ScreeningTier.Urgent, "numbness" },
        { "tingling in my fingers", ScreeningTier.Urgent, "tingling" },
        { "pins and needles down the arm", ScreeningTier.Urgent, "pins and needles" },
        { "my arm feels weak", ScreeningTier.Urgent, "weakness" },
        { "I keep dropping things", ScreeningTier.Urgent, "dropping things" },
        { "running a fever since Sunday", ScreeningTier.Urgent, "fever" },
        { "chills and a headache", ScreeningTier.Urgent, "chills" },
        { "night sweats again", ScreeningTier.Urgent, "night sweats" },
        { "some weight loss lately", ScreeningTier.Urgent, "weight loss" },
        { "I fell on the stairs yesterday", ScreeningTier.Urgent, "fall" },
        { "car accident last week", ScreeningTier.Urgent, "accident" },
        { "the pain wakes me at night", ScreeningTier.Urgent, "pain at night" },
        { "constant ache whatever I do", ScreeningTier.Urgent, "constant pain" },
        { "pain going down my arm", ScreeningTier.Urgent, "pain into the arm, jaw or neck" },
        { "my jaw aches too", ScreeningTier.Urgent, "jaw" },
        { "cold and clammy after", ScreeningTier.Urgent, "sweating" },
        // Review word families.
        { "a stabbing pain near the spine", ScreeningTier.Review, "stabbing pain" },
        { "shooting pain when I lift", ScreeningTier.Review, "shooting pain" },
        { "burning between the blades", ScreeningTier.Review, "burning pain" },
        { "sharp pain spreading into my left arm", ScreeningTier.Urgent, "sharp pain" },
        // Spelling slips.
        { "tingeling in both hands", ScreeningTier.Urgent, "tingling" },
        { "numbnes in my thumb", ScreeningTier.Urgent, "numbness" },
        { "had surgary in May", ScreeningTier.Urgent, "surgery" },
        { "chset pain", ScreeningTier.Emergency, "chest pain" },
        // Symptoms from the checklist in other words, and negated abilities that are the symptom.
        { "I couldn't breathe properly after the rows", ScreeningTier.Emergency, "short of breath" },
        { "out of breath after climbing stairs", ScreeningTier.Emergency, "out of breath" },
        { "couldn't swallow for a minute", ScreeningTier.Emergency, "trouble swallowing" },
        { "wasn't able to stop the tingling", ScreeningTier.Urgent, "tingling" },
        { "my vision went blurry", ScreeningTier.Emergency, "double vision" },
        { "left side of my face is drooping", ScreeningTier.Emergency, "face drooping" },
        { "I wet myself", ScreeningTier.Emergency, "wet myself" },
        { "I don't think it's serious: chest pain since lunch", ScreeningTier.Emergency, "chest pain" },
        { "felt dizzy during the stretch", ScreeningTier.Urgent, "dizziness" },
        { "a bit light-headed when I stood up", ScreeningTier.Urgent, "light-headed" },
        { "nauseous after the session", ScreeningTier.Urgent, "nausea" },
        { "I threw up afterwards", ScreeningTier.Urgent, "threw up" },
        { "Felt fine - then my heart started racing", ScreeningTier.Urgent, "heart racing" },
        { "palpitations when lying down", ScreeningTier.Urgent, "palpitations" },
        { "it hurts to take a deep breath", ScreeningTier.Urgent, "painful breathing" },
        { "can't feel my fingers", ScreeningTier.Urgent, "cannot feel" },
        { "lost feeling in my right hand", ScreeningTier.Urgent, "loss of feeling" },
        { "my arm went dead", ScreeningTier.Urgent, "limb went dead" },
        { "my legs gave way on the stairs", ScreeningTier.Urgent, "gave way" },
        { "I slipped on the ice yesterday", ScreeningTier.Urgent, "fall" },
        { "was in a car crash", ScreeningTier.Urgent, "accident" },
        { "started prednisone for my asthma", ScreeningTier.Urgent, "osteoporosis or steroids" },
        { "the pain was excruciating", ScreeningTier.Urgent, "constant pain" },
        // Negations and harmless notes.
        { "no chest pain at all", ScreeningTier.None, null },
        { "I did not feel numb", ScreeningTier.None, null },
        { "no numbness or tingling", ScreeningTier.None, null },
        { "without any tingling today", ScreeningTier.None, null },
        { "never had a fall", ScreeningTier.None, null },
        { "I don't have a fever", ScreeningTier.None, null },
        { "No fever, but my arm is numb", ScreeningTier.Urgent, "numbness" },
        { "no chest pain; some tingling though", ScreeningTier.Urgent, "tingling" },
        { "no dizziness today", ScreeningTier.None, null },
        { "No nausea or vomiting", ScreeningTier.None, null },
        { "Breathe out as you lean back, felt good", ScreeningTier.None, null },
        { "I can't feel any difference yet", ScreeningTier.None, null },
        { "I don't want to injure myself so I went slow", ScreeningTier.None, null },
        { "No numbness, tingling or weakness", ScreeningTier.None, null },
        { "Not dizzy, nauseous or sweaty, and no fever", ScreeningTier.None, null },
        { "No fever, numb fingers", ScreeningTier.Urgent, "numbness" },
        { "No pain, dizzy though", ScreeningTier.Urgent, "dizziness" },
        { "No problems, felt dizzy after", ScreeningTier.Urgent, "dizziness" },
        { "No dizziness, nausea or chest pain", ScreeningTier.Emergency, "chest pain" },
        { "I don't know why my arm is numb", ScreeningTier.Urgent, "numbness" },
        { "not sure if the tingling is from the band", ScreeningTier.Urgent, "tingling" },
        { "no pain and my hand went numb", ScreeningTier.Urgent, "numbness" },
        { "no numbness and tingling", ScreeningTier.None, null },
        { "Had a pounding headache afterwards and felt sick.", ScreeningTier.Urgent, "feeling sick" },
        { "Feeling sick of the same routine", ScreeningTier.None, null },
        { "Fell over during the bird dog, hit my head.", ScreeningTier.Urgent, "hit my head" },
        { "The exercise made my old rib fracture ache.", ScreeningTier.Urgent, "injury" },
        { "no feeling in my fingers this morning", ScreeningTier.Urgent, "no feeling" },
        { "No feeling of dizziness at all", ScreeningTier.None, null },
        { "Severe pain, couldn't move much", ScreeningTier.Review, "severe pain" },
        { "Pain was not severe at all", ScreeningTier.None, null },
        { "my chest is not tight anymore", ScreeningTier.None, null },
        { "the pain in my chest was not bad", ScreeningTier.Emergency, "chest pain" },
        { "It was a terrible day at work but the exercises went fine", ScreeningTier.None, null },
        { "Shoulder popped out of place during the Y raise", ScreeningTier.Urgent, "out of place" },
        { "I popped out to the shops before doing them", ScreeningTier.None, null },
        { "Couldn't lift my arm above my head after", ScreeningTier.Urgent, "cannot lift" },
        { "I have been coughing up blood", ScreeningTier.Urgent, "blood" },
        { "Lost my balance doing the bird dog", ScreeningTier.Urgent, "lost balance" },
        { "The pain is there all the time, even lying down", ScreeningTier.Urgent, "constant pain" },
        { "I do them all the time and no pain", ScreeningTier.None, null },
        { "The ache doesn't ease with rest", ScreeningTier.Review, "pain that won't ease" },
        { "I never skip a day", ScreeningTier.None, null },
        { "I feel really tired and short-winded lately", ScreeningTier.Emergency, "breathless" },
        { "Vision went dark for a second when I stood up", ScreeningTier.Emergency, "double vision" },
        // A third pass: everyday words one letter from a term, or starting like one, are no symptom.
        { "did fewer reps today, was tired", ScreeningTier.None, null },
        { "skipped the last one because of pain in my shoulder", ScreeningTier.None, null },
        { "I was painting all day so only did half", ScreeningTier.None, null },
        { "sat at my spreadsheet all day, back stiff", ScreeningTier.None, null },
        { "tripled my reps this week and the pain stays at 2", ScreeningTier.None, null },
        { "fell asleep after the stretches, then fell behind on the rest", ScreeningTier.None, null },
        { "fell off my bike yesterday", ScreeningTier.Urgent, "fall" },
        { "worked up a good sweat", ScreeningTier.None, null },
        { "woke up drenched in sweat again", ScreeningTier.Urgent, "sweating" },
        { "I woke up early and did them before work, will keep it up", ScreeningTier.None, null },
        { "the pain woke me at 3am", ScreeningTier.Urgent, "pain at night" },
        { "woke up sore this morning, my back was sore all day", ScreeningTier.None, null },
        { "still sore the next day", ScreeningTier.Review, "pain that won't ease" },
        { "couldn't sleep because of the pain", ScreeningTier.Urgent, "pain at night" },
        { "I've lost about 6 kilos without trying", ScreeningTier.Urgent, "weight loss" },
        { "lost my appetite, clothes are loose", ScreeningTier.Urgent, "loss of appetite" },
        { "my oncologist found something new on the scan", ScreeningTier.Urgent, "cancer" },
        { "the ache never goes away no matter how I lie", ScreeningTier.Urgent, "constant pain" },
        { "pain is still there the next morning", ScreeningTier.Review, "pain that won't ease" },
        { "arm felt heavy and useless for a while", ScreeningTier.Urgent, "weakness" },
        { "felt confused and couldn't find my words", ScreeningTier.Emergency, "trouble speaking" },
        { "left arm a bit tired from holding the T", ScreeningTier.Review, "left arm" },
        { "left arm a bit tired. Now my left arm feels heavy and achy", ScreeningTier.Urgent, "left arm" },
        { "pain under my left shoulder blade that goes into my chest", ScreeningTier.Urgent, "pain into the chest" },
        { "chin down to my chest felt like a good stretch", ScreeningTier.None, null },
        { "legs felt like jelly on the walk afterwards", ScreeningTier.Urgent, "weakness" },
        { "I stumbled a couple of times walking today", ScreeningTier.Urgent, "clumsy" },
        { "trouble getting my words out", ScreeningTier.Emergency, "trouble speaking" },
        { "couldn't get comfortable all night", ScreeningTier.Urgent, "constant pain" },
        { "running a temp since Monday", ScreeningTier.Urgent, "fever" },
        { "it's getting worse every day", ScreeningTier.Review, "getting worse" },
        { "no worse than last week", ScreeningTier.None, null },
        { "pain between my shoulder blades is worse than last week", ScreeningTier.Review, "getting worse" },
        { "my technique got worse towards the end of the set", ScreeningTier.None, null },
        { "my arms are like jelly after the wall angels", ScreeningTier.None, null },
        { "hurt my back lifting groceries so skipped today", ScreeningTier.Review, "new strain" },
        { "can barely move my neck this morning", ScreeningTier.None, null },
        { "I have angina, took my spray after the first set", ScreeningTier.Emergency, "angina" },
        { "didnt fall, just sat down hard", ScreeningTier.None, null },
        { "dont have any numbness", ScreeningTier.None, null },
        { "cant breathe properly", ScreeningTier.Emergency, "short of breath" },
        // Beyond the back: a note about ending one's life is never left unread.
        { "some days I want to end it all", ScreeningTier.Urgent, NoteScreen.SelfHarm },
        { "I wish I was dead", ScreeningTier.Urgent, NoteScreen.SelfHarm },
        { "no point living with this pain", ScreeningTier.Urgent, NoteScreen.SelfHarm },
        { "I'm not suicidal, just frustrated", ScreeningTier.None, null },
        { "I hurt myself lifting a box, so I want to end my session early", ScreeningTier.None, null },
        { "this pain is killing me", ScreeningTier.None, null },
        { "i want to hurt myself", ScreeningTier.Urgent, NoteScreen.SelfHarm },
        { "sometimes i think everyone would be better without me", ScreeningTier.Urgent, NoteScreen.SelfHarm },
        { "I thought I hurt myself but it was fine", ScreeningTier.None, null },
        { "it works better without me leaning on the wall", ScreeningTier.None, null },
        // Retention, a clot, a seizure, night pain and balance in the patient's own words.
        { "havent been able to pass water today", ScreeningTier.Emergency, "trouble passing urine" },
        { "no trouble passing water", ScreeningTier.None, null },
        { "swelling in my calf and it's hot", ScreeningTier.Urgent, "swollen calf or leg" },
        { "my calves were a bit tight from walking", ScreeningTier.None, null },
        { "had a seizure last night", ScreeningTier.Urgent, "seizure" },
        { "had a fit of giggles during the dead bug", ScreeningTier.None, null },
        { "I have a fit ball at home, used that", ScreeningTier.None, null },
        { "woke at 3am with my back throbbing", ScreeningTier.Urgent, "pain at night" },
        { "woke up with a throbbing headache, had too much wine", ScreeningTier.None, null },
        { "balance is off today", ScreeningTier.Urgent, "lost balance" },
        { "my balance is better than last week", ScreeningTier.None, null },
        { "my vision went funny for a minute after the neck stretch", ScreeningTier.Emergency, "double vision" },
        { "funny thing, my vision seems sharper after these lol", ScreeningTier.None, null },
        { "Doctor started me on new blood pressure tablets, felt woozy", ScreeningTier.Urgent, "dizziness" },
        { "i have pain in my upper back and it goes round to the front", ScreeningTier.Urgent, "pain into the chest" },
        { "The pain moved from my back round to my ribs on the left side", ScreeningTier.Review, "spreading pain" },
        { "the band goes round the door handle", ScreeningTier.None, null },
        { "I'm not sleeping because of the pain in my back", ScreeningTier.Urgent, "pain at night" },
        { "I didn't sleep well because the neighbours were loud, no pain though", ScreeningTier.None, null },
        { "I'm struggling to cope with the pain", ScreeningTier.Review, "severe pain" },
        { "I feel like something popped in my back", ScreeningTier.Review, "new strain" },
        { "something snapped on the band so I need a new one", ScreeningTier.None, null },
        // The Swiss ball is meant to be unsteady; the patient's own walking is not.
        { "I was unsteady on the ball so held onto the sofa", ScreeningTier.None, null },
        { "unsteady on my feet", ScreeningTier.Urgent, "clumsy" },
        // How older patients often tell a near faint or a dizzy spell.
        { "had a funny turn after the stretches", ScreeningTier.Urgent, "dizziness" },
        { "came over all peculiar and had to sit down", ScreeningTier.Urgent, "dizziness" },
        { "came over to my daughter's and did them there", ScreeningTier.None, null },
        { "everything went black for a second", ScreeningTier.Emergency, "passed out" },
        { "the screen went black so I followed the printout", ScreeningTier.None, null },
        { "I was seeing stars when I stood up", ScreeningTier.Urgent, "light-headed" },
        { "chest discomfort on exertion", ScreeningTier.Emergency, "chest pain" },
        { "my grip has gone", ScreeningTier.Urgent, "weakness" },
        { "back spasms all night", ScreeningTier.Urgent, "constant pain" },
        { "threw my back out gardening", ScreeningTier.Review, "new strain" },
        { "did my back exercises in the morning", ScreeningTier.None, null },
        { "I've got a trapped nerve in my neck again", ScreeningTier.None, null },
        // A band that slips is no fall; a fall after it still is.
        { "my grip on the band slipped", ScreeningTier.None, null },
        { "the band slipped and I fell", ScreeningTier.Urgent, "fall" },
        { "the wobble board was hard", ScreeningTier.None, null },
        // A passing symptom told as passed is for review; one that came back, or one that matters
        // even when it has passed, is not lowered.
        { "tingling in my fingers during the wall slides. It went away after a few minutes.", ScreeningTier.Review, "tingling" },
        { "felt dizzy standing up but it passed quickly", ScreeningTier.Review, "dizziness" },
        { "felt dizzy so I stopped", ScreeningTier.Urgent, "dizziness" },
        { "the tingling hasn't gone away", ScreeningTier.Urgent, "tingling" },
        { "my hand has gone numb", ScreeningTier.Urgent, "numbness" },
        { "tingling went away but came back later", ScreeningTier.Urgent, "tingling" },
        { "weakness in my arm, gone now", ScreeningTier.Urgent, "weakness" },
        { "chest pain went away after resting", ScreeningTier.Emergency, "chest pain" },
        { "Really helped my upper back today", ScreeningTier.None, null },
        { "over lying down can get upper back pain too", ScreeningTier.None, null },
        { "felt stiff, a bit sore after", ScreeningTier.None, null },
        // "Not feeling dizzy" denies the feeling it names, as "not dizzy" does; "no feeling in my
        // fingers" is still the symptom, and a later finding still counts.
        { "not feeling dizzy today", ScreeningTier.None, null },
        { "I'm not feeling sick", ScreeningTier.None, null },
        { "I'm not feeling numb anymore", ScreeningTier.None, null },
        { "not feeling great and a bit dizzy", ScreeningTier.Urgent, "dizziness" },
        { "it's not feeling any better and my hand is numb", ScreeningTier.Urgent, "numbness" },
        // A fifth pass with unseen notes. A fall in everyday words is a fall; a tumble dryer, a ball
        // that rolled over or a missed step of the video are not.
        { "Had a little tumble getting up off the floor but I'm alright, just a bruise on my hip.", ScreeningTier.Urgent, "fall" },
        { "Lost my footing getting down onto the floor and ended up on my side.", ScreeningTier.Urgent, "fall" },
        { "took a tumble in the garden on Sunday", ScreeningTier.Urgent, "fall" },
        { "lost my balance and went down on the kitchen floor", ScreeningTier.Urgent, "fall" },
        { "ended up on the floor and couldn't get up for a while", ScreeningTier.Urgent, "fall" },
        { "went over on my ankle on the kerb", ScreeningTier.Urgent, "fall" },
        { "came a cropper on the ice outside the post office", ScreeningTier.Urgent, "fall" },
        { "missed the bottom step coming downstairs", ScreeningTier.Urgent, "fall" },
        { "my legs went from under me in the shower", ScreeningTier.Urgent, "fall" },
        { "found myself on the floor, don't know how", ScreeningTier.Urgent, "fall" },
        { "the dog knocked me over in the park", ScreeningTier.Urgent, "fall" },
        { "went down in a heap in the hallway", ScreeningTier.Urgent, "fall" },
        { "landed on my bottom in the garden", ScreeningTier.Urgent, "fall" },
        // Caught in time: a near fall, the lost balance it is, not a fall (see the fact below).
        { "lost my footing for a second but caught myself", ScreeningTier.Urgent, "lost balance" },
        { "put the towels in the tumble dryer then did the stretches", ScreeningTier.None, null },
        { "rough and tumble with the grandkids", ScreeningTier.None, null },
        { "the ball rolled over", ScreeningTier.None, null },
        { "rolled over onto my side for the last stretch", ScreeningTier.None, null },
        { "lost my footing on the wobble board", ScreeningTier.None, null },
        { "ended up doing them on the floor by the bed", ScreeningTier.None, null },
        { "I would get up off the floor slowly", ScreeningTier.None, null },
        { "missed a step in the video so did it twice", ScreeningTier.None, null },
        { "I missed my step class", ScreeningTier.None, null },
        { "missed a day, did the stairs instead", ScreeningTier.None, null },
        { "went over the ankle exercises with the physio", ScreeningTier.None, null },
        { "the band went flying off the door", ScreeningTier.None, null },
        { "had my hair cropped, did all the exercises", ScreeningTier.None, null },
        // The bladder in older patients' words.
        { "Been having trouble with my waterworks since Tuesday.", ScreeningTier.Emergency, "bladder or bowel" },
        { "Waterworks playing up again", ScreeningTier.Emergency, "bladder or bowel" },
        { "didn't make it to the toilet in time", ScreeningTier.Emergency, "bladder or bowel" },
        { "no trouble with the waterworks", ScreeningTier.None, null },
        { "waterworks fine, back a bit stiff", ScreeningTier.None, null },
        // Hopelessness is a thought of self-harm; low mood is for the clinician to hear of.
        { "Feeling very low lately, I don't see the point of any of it anymore.", ScreeningTier.Urgent, NoteScreen.SelfHarm },
        { "I can't go on like this", ScreeningTier.Urgent, NoteScreen.SelfHarm },
        { "what's the point of going on", ScreeningTier.Urgent, NoteScreen.SelfHarm },
        { "no reason to go on", ScreeningTier.Urgent, NoteScreen.SelfHarm },
        { "nothing to live for since my wife died", ScreeningTier.Urgent, NoteScreen.SelfHarm },
        { "dont see the point anymore", ScreeningTier.Urgent, NoteScreen.SelfHarm },
        { "I can't go on holiday till June", ScreeningTier.None, null },
        { "I don't see the point of the stretches anymore", ScreeningTier.None, null },
        { "what's the point of going on with the exercises if they hurt", ScreeningTier.None, null },
        { "no point going on about it", ScreeningTier.None, null },
        { "I'll go on with the rows tomorrow", ScreeningTier.None, null },
        { "Feeling very low lately", ScreeningTier.Review, "low mood" },
        { "I've been feeling a bit down since my husband passed", ScreeningTier.Review, "low mood" },
        { "feeling down because of my back", ScreeningTier.Review, "low mood" },
        { "I've been quite depressed", ScreeningTier.Review, "low mood" },
        { "feeling down in the dumps", ScreeningTier.Review, "low mood" },
        { "the pain is getting me down", ScreeningTier.Review, "low mood" },
        { "not feeling down at all", ScreeningTier.None, null },
        { "I'm not depressed", ScreeningTier.None, null },
        { "low back a bit stiff", ScreeningTier.None, null },
        { "Lower the arms slowly, low weight felt fine", ScreeningTier.None, null },
        { "did the low rows with the green band", ScreeningTier.None, null },
        { "felt better lying down", ScreeningTier.None, null },
        { "felt the stretch down the back of my thigh", ScreeningTier.None, null },
        { "The blue band felt too easy", ScreeningTier.None, null },
        { "felt a bit low on energy after", ScreeningTier.None, null },
        { "felt lovely today", ScreeningTier.None, null },
        // A racing heart in idiom.
        { "My heart was going like the clappers after the floor ones.", ScreeningTier.Urgent, "heart racing" },
        { "heart going ten to the dozen", ScreeningTier.Urgent, "heart racing" },
        { "my heart missed a beat on the stairs", ScreeningTier.Urgent, "heart racing" },
        { "heart thumping after the stairs", ScreeningTier.Urgent, "heart racing" },
        { "heart fluttering in the evening", ScreeningTier.Urgent, "heart racing" },
        { "pulse racing after the floor ones", ScreeningTier.Urgent, "heart racing" },
        { "my heart rate was 110 on the bike", ScreeningTier.None, null },
        { "my heart rate dropped and I dozed off", ScreeningTier.None, null },
        // Sweat from the work is no flag; a cold sweat, or sweat with a warning, still is.
        { "Hot and sweaty after but feel good.", ScreeningTier.None, null },
        { "sweaty after the session", ScreeningTier.None, null },
        { "sweating on the bike, felt great", ScreeningTier.None, null },
        { "worked up a sweat on the floor ones", ScreeningTier.None, null },
        { "cold and sweaty after the session", ScreeningTier.Urgent, "sweating" },
        { "came out in a cold sweat after the stretches", ScreeningTier.Urgent, "sweating" },
        { "sweating with chest pain", ScreeningTier.Emergency, "sweating" },
        { "hot and sweaty and felt sick", ScreeningTier.Urgent, "sweating" },
        { "clammy and hot after", ScreeningTier.Urgent, "sweating" },
        { "", ScreeningTier.None, null },
    };

    [Theory]
    [MemberData(nameof(Notes))]
    public void Notes_are_screened_by_word_family_with_negation(string note, ScreeningTier tier, string? family)
    {
        var matches = NoteScreen.Screen(note);

        Assert.Equal(tier, NoteScreen.TierOf(matches));
        if (family is null)
        {
            Assert.Empty(matches);
        }
        else
        {
            Assert.Contains(matches, m => m.Family == family);
        }
    }

    [Fact]
    public void Only_a_note_about_self_harm_adds_the_crisis_line_to_the_patients_message()
    {
        Assert.EndsWith(SafetyChecklist.CrisisLine, SafetyChecklist.MessageFor(ScreeningTier.Urgent, "I want to die"), StringComparison.Ordinal);
        Assert.StartsWith(SafetyChecklist.MessageFor(ScreeningTier.Urgent), SafetyChecklist.MessageFor(ScreeningTier.Urgent, "I want to die"), StringComparison.Ordinal);
        Assert.Equal(SafetyChecklist.MessageFor(ScreeningTier.Urgent), SafetyChecklist.MessageFor(ScreeningTier.Urgent, "my fingers tingle"));
        Assert.Equal(SafetyChecklist.MessageFor(ScreeningTier.None), SafetyChecklist.MessageFor(ScreeningTier.None, null));
    }

    [Fact]
    public void Hopelessness_adds_the_crisis_line_and_low_mood_alone_does_not()
    {
        Assert.EndsWith(SafetyChecklist.CrisisLine, SafetyChecklist.MessageFor(ScreeningTier.Urgent, "Feeling very low lately, I don't see the point of any of it anymore."), StringComparison.Ordinal);
        Assert.EndsWith(SafetyChecklist.CrisisLine, SafetyChecklist.MessageFor(ScreeningTier.Urgent, "I can't go on like this"), StringComparison.Ordinal);
        Assert.Equal(SafetyChecklist.MessageFor(ScreeningTier.Review), SafetyChecklist.MessageFor(ScreeningTier.Review, "I've been feeling a bit down since my husband passed"));
    }

    [Fact]
    public void A_near_fall_the_patient_caught_is_lost_balance_and_not_a_fall()
    {
        var caught = NoteScreen.Screen("lost my footing for a second but caught myself");

        Assert.Contains(caught, m => m.Family == "lost balance");
        Assert.DoesNotContain(caught, m => m.Family == "fall");
        Assert.Contains(NoteScreen.Screen("Lost my footing getting down onto the floor and ended up on my side."), m => m.Family == "fall");
    }

    [Fact]
    public void The_screening_table_covers_every_tier_and_negations()
    {
        var rows = Notes.Select(r => (r.Data.Item1, r.Data.Item2)).ToList();
        Assert.True(rows.Count >= 40);
        Assert.All(Enum.GetValues<ScreeningTier>(), tier => Assert.Contains(rows, r => r.Item2 == tier));
        Assert.True(rows.Count(r => r.Item1.StartsWith("no", StringComparison.OrdinalIgnoreCase) || r.Item1.Contains("not ", StringComparison.Ordinal)) >= 4);
    }
}
