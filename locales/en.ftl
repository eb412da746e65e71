# English — the second locale.

## General
error-internal = Sorry, something went wrong. We are looking into it — please try again a little later.
error-forbidden = This action is not available to you. If that is a mistake, please write to your coordinator.
unknown-command = I don't know the command { $command }. See /help for the list.
not-understood = I didn't quite get that. See /help for the list of commands.
file-not-expected = Thank you, but I am not expecting a file right now. See /help.
text-too-long = That message is too long: I read at most { $max ->
    [one] { $max } character
   *[other] { $max } characters
}. Please shorten it.
stale-button = This button no longer works.

## Dialogs
dialog-stale-button = This button is out of date — please answer the latest question.
dialog-expired = The previous dialog expired, so I closed it. Please start again with the command you need.
dialog-changed = This dialog was updated while you were answering. Please start again.
dialog-choose-button = Please pick one of the options with a button or its number.
cancelled = All right, cancelled.
nothing-to-cancel = There is nothing to cancel.

## Greeting and language
choose-language = Выберите язык / Choose your language
choose-language-again = I didn't get that. Press "Русский" or "English".
language-set = Done, I will write in English.
greeting-new = Hello! I am Opora, the assistant of the school-support programme. I help with surveys, seminars, consultations and the road map.
greeting-known = Hello, { $name }! I am Opora, the assistant of the school-support programme.
commands-heading = What I can do:
help-intro = Here are the commands available to you:

## Commands
cmd-start = start and choose a language
cmd-help = list of commands
cmd-language = change the language
cmd-cancel = stop the current dialog

## Configuration and start-up
playground-intro = Opora playground: the same bot as in Telegram, VK and MAX, in the terminal. You are writing as { $name } ({ $role }).
playground-hint = Type commands such as /start or /help. Buttons are numbers: type "1" to press the first. ":file path" sends a file from disk (a caption may follow the path), ":time" shows the playground clock, ":who" switches the user, ":help" shows this hint, ":quit" exits.
playground-choose-person = Who are you writing as?
playground-outbox = Notification for { $name }:
playground-file-saved = { $name } ({ $size }) saved: { $path }
playground-file-usage = Type the file's path after ":file", for example ":file demo/schools.csv". A caption may follow the path.
playground-file-missing = No file "{ $path }". Give the full path or one from the folder the playground runs in.
playground-held = { $count ->
    [one] { $count } notification comes
   *[other] { $count } notifications come
} at { $at } (quiet hours or a reminder's time). To see them now, move the clock: ":time { $arg }".
playground-time-now = Playground clock: { $now } ({ $zone }).
playground-time-next = The next held notification comes at { $at }: ":time { $arg }" or ":time next".
playground-time-nothing = No notifications are held.
playground-time-usage = Move the clock forward: ":time +2h", ":time +1d", ":time 08:00", ":time 03.12 09:00", ":time next" (to the next notification).
playground-time-moved = Clock moved: { $now }.
playground-time-forward = The clock only goes forward; it is { $now } already.
playground-time-fixed = The playground clock cannot be moved here.

## Roles
role-coordinator = coordinator
role-curator = curator
role-mentor = mentor
role-tutor = tutor
role-school_admin = school administration
role-teacher = teacher

## Numbers
people-count = { $count ->
    [one] { $count } person
   *[other] { $count } people
}

## Greeting for newcomers and common errors
greeting-need-invite = To join, send the invite code from your coordinator (or open the invite link).
error-not-registered = Please join first: send the invite code from your coordinator.

## Picking from a list
pick-more = Showing the first { $shown } of { $total }. Type part of a name to find the one you need.
pick-empty = The list is empty so far.
pick-type-name = Pick with a button or type part of the name.
pick-nothing-found = Nothing found for "{ $text }". Please try another way.

## Invites and joining
invite-unknown = There is no such invite code. Please check it or ask your coordinator for a new one.
invite-expired = This invite has expired. Please ask your coordinator for a new one.
invite-used = This invite has already been used. Please ask your coordinator for a new one.
invite-revoked = This invite was withdrawn. Please ask your coordinator for a new one.
invite-for-someone-else = This invite is meant for someone else, and this account is already registered.
invite-already-joined = You are already registered with this role. See /help.
consent-text =
    Consent to the processing of personal data (Federal Law No. 152-FZ)

    Operator: the education authority — { $operator }.
    Purpose: methodical support of schools — assigning mentors and tutors, surveys, seminars, consultation records, the road map.
    Data: surname, first name and patronymic; role; school; subjects; messenger identifier; your answers and records in the bot.
    Period: until you withdraw consent.
    How to withdraw: the /forget command — your data will be erased, only anonymous totals remain.

    By pressing "I agree" you consent to the processing of this data.
consent-agree = I agree
consent-decline = I do not agree
join-role-offer = You are offered a new role: { $role } ({ $scope }). You get it only if you agree.
join-lower-role = You are already in Opora as { $current }. This invite would also give you the role "{ $role }" ({ $scope }) — such invites are usually forwarded to colleagues. Add this role for you?
join-lower-role-yes = Yes, add the role
join-lower-role-no = No, keep things as they are
join-lower-role-kept = All right, nothing has changed. The invite is not used up — you can forward it to a colleague.
consent-declined = All right, I have saved nothing. If you change your mind, send the invite code again.
join-ask-name = What is your name? Please write your surname, first name and patronymic.
join-name-invalid = Please write your surname and first name (and patronymic, if any) in letters only, for example: Ivanova Maria Petrovna.
join-ask-school = Which school do you work at?
join-ask-subjects = Which subjects do you teach? Tick all of them and press "Done".
join-subjects-done = Done
join-subjects-none = Please tick at least one subject.
joined = Done, you have joined Opora as { $role }.
joined-notice = A new participant joined with your invite: { $name } — { $role }, { $school }.

## A second messenger
link-need-registration = Please join with an invite code first; then you can connect a second messenger.
link-code = Open Opora in your other messenger and send there: /link { $code }
    The code works for { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }.
link-already = This account is already linked to the profile of { $name }.
link-bad-code = That code did not work: it is wrong, used or expired. Get a new one with /link in your first messenger.
link-done = Done! This account is now linked to the profile of { $name }.

## Withdrawing consent
forget-confirm = Erase your personal data from Opora? Your name and messenger links will be erased and your assignments ended. Only anonymous totals remain. This cannot be undone.
forget-yes = Yes, erase my data
forget-no = No, keep it
forget-kept = All right, nothing is erased.
forget-done = Your data has been erased. Thank you for taking part! If you want to come back, ask your coordinator for a new invite.
forget-nothing = We hold no data of yours — there is nothing to erase.
forget-vacant = A participant ({ $roles }, { $school }) withdrew consent and left Opora. The place is vacant — you can assign someone else.

## Creating invites
invite-ask-role = Whom are we inviting?
invite-ask-scope = Which school is the invite for? Or the whole municipality — then the person chooses their school.
invite-scope-municipality = The whole municipality
invite-ask-uses = An invite for one person or for a group?
invite-uses-one = For one person
invite-uses-group = For a group (up to { $count })
invite-ready = The invite is ready: { $role }, { $scope }. Valid until { $until }, uses: { $uses }.
invite-code = Code: { $code } — it can simply be sent to the bot.

## Assignments
assign-ask-kind = What are we assigning?
assign-kind-mentor_school = A mentor to a school
assign-kind-tutor_teacher = A tutor to a teacher
assign-kind-school_pair = A pair of schools (leader and partner)
assign-ask-mentor = Who will be the mentor?
assign-ask-school = For which school?
assign-ask-teacher = Which teacher needs a tutor?
assign-ask-tutor = Who will be the tutor?
assign-ask-subject = In which subject?
assign-ask-leader = Which school is the leader (or effective) school?
assign-ask-partner = Which school should it be paired with?
assign-own-school = A mentor cannot mentor their own school. Please choose another school or another mentor.
assign-same-school = A school cannot be paired with itself.
assign-mentor-overloaded = The mentor would have { $count ->
    [one] { $count } school
   *[other] { $count } schools
} — more than the recommended { $max }.
assign-subject-mismatch = The tutor has not listed "{ $subject }" among their subjects.
assign-summary-mentor = Mentor: { $mentor } → school: { $school }
assign-summary-tutor = Tutor: { $tutor } → teacher: { $teacher }, subject: { $subject }
assign-summary-pair = Leader school: { $leader } ↔ partner school: { $partner }
assign-confirm-question = Assign?
assign-confirm = Assign
assign-cancel = Cancel
assign-saved = Assigned. { $summary }
    Both sides will be notified.
assign-invalid = That did not work: the data for this assignment changed. Please start again — /assign.
assign-notice-mentor = You have been assigned as the mentor of "{ $school }". School management: { $admins }.
assign-notice-school = Your school has been assigned a mentor: { $mentor }.
assign-notice-tutor = You have been assigned as a tutor: { $teacher }, subject — { $subject }.
assign-notice-teacher = You have been assigned a tutor: { $tutor }, subject — { $subject }.
assign-notice-pair = Your school is now paired with "{ $other }".

## My assignments
my-heading = Your assignments:
my-nothing = You have no assignments yet. I will let you know when your coordinator assigns you.
my-mentor-school = mentor of "{ $school }" (since { $since })
my-tutor-teacher = tutor: { $teacher }, { $subject } (since { $since })
my-teacher-tutor = your tutor: { $tutor }, { $subject } (since { $since })
my-school-mentor = the school's mentor: { $mentor } (since { $since })
my-school-pair = paired school: "{ $school }" (since { $since })
my-coordinator-summary = Supported schools: { $schools }. Mentors assigned: { $mentors }, tutors: { $tutors }, school pairs: { $pairs }.
my-unassigned-schools = Schools without a mentor: { $count }.
my-all-schools-assigned = Every supported school has a mentor.
my-unassigned-teachers = Teachers without a tutor: { $count }.
my-all-teachers-assigned = Every teacher of a supported school has a tutor.
my-and-more = …and { $count } more — they will show here once you assign the first ones.
my-button-mentor = Mentor → { $school }
my-button-tutor = Tutor → { $teacher }

## Import
import-ask-file = Send an XLSX or CSV file with a list of schools or people. Schools need a "Наименование" (name) column (and, if you have them, short name and status); people need "ФИО" (full name), role, school and subjects.
import-need-file = I am waiting for a file — please send an XLSX or CSV. /cancel to stop.
import-file-too-big = The file is too big: I take up to 5 MB. Please split the list.
import-file-type = I cannot read this format. Please send XLSX or CSV.
import-file-corrupt = I cannot read the file: it seems damaged. Please save it again and resend.
import-file-empty = The file has no rows with data.
import-no-header = I found no header row: schools need a "Наименование" (name) column, people need "ФИО" (full name), "Роль" (role) and "Школа" (school). The file begins with: { $found }.
import-found-nothing = no headings at all
import-missing-columns = This looks like a list of { $kind ->
    [people] people
   *[schools] schools
}, but it has no { $missing } { $count ->
    [one] column
   *[other] columns
}. The file's columns: { $found }. Add { $count ->
    [one] it
   *[other] them
} to the header row and send the file again; I have not checked the rows yet.
import-kind-schools = schools
import-kind-people = people
import-preview = File "{ $file }": { $kind }, rows to import: { $rows }.
    To add: { $created }, to update: { $updated }, unchanged: { $unchanged }.
import-problems = Rows I cannot use: { $count }.
import-line = line { $line }
import-more-problems = …and { $count } more.
import-nothing = There is nothing to import.
import-confirm = Import
import-cancel = Cancel
import-cancelled = Import cancelled; nothing changed.
import-done = Import finished. Added: { $created }, updated: { $updated }, unchanged: { $unchanged }.
import-invites-file = Personal invites for { $count ->
    [one] { $count } person
   *[other] { $count } people
} — forward each person their link or code.
import-invites-sheet = Invites
import-col-name = Full name
import-col-school = School
import-col-role = Role
import-col-code = Code
import-notice-offer = Your coordinator offers you a role: { $role }. To accept, send the bot /start { $code }: I will show what changes and ask for your consent. If this is a mistake, just ignore it.
import-row-formula = a cell starts with "=", "+", "-" or "@" — it looks like a formula, so the row is skipped
import-row-no-name = empty full name
import-row-no-school-name = empty school name
import-row-bad-name = "{ $name }" does not look like a full name
import-row-unknown-role = unknown role "{ $role }"
import-row-role-not-allowed = { $role ->
    [curator] curators are invited by the operator of Opora, not by a coordinator's import
   *[other] this role cannot be given by an import
  }
import-row-unknown-school = school "{ $school }" not found — import the schools first
import-row-no-school = no school given
import-row-unknown-subject = unknown subject "{ $subject }"
import-row-unknown-status = unknown status "{ $status }"
import-row-duplicate = repeats line { $line }

## Commands (people and assignments)
cmd-invite = invite participants
cmd-import = upload a list of schools or people (XLSX, CSV)
cmd-link = connect a second messenger
cmd-forget = erase my data
cmd-my = my assignments
cmd-assign = assign a mentor, a tutor or a school pair

## Subjects
subject-math = mathematics
subject-russian = Russian language
subject-literature = literature
subject-physics = physics
subject-chemistry = chemistry
subject-biology = biology
subject-history = history
subject-social = social studies
subject-geography = geography
subject-informatics = computer science
subject-english = English
subject-primary = primary school
subject-other = other

## Audiences and messengers
audience-everyone = Everyone
audience-supported = Staff of supported schools
audience-teachers = Teachers
audience-admins = School management
audience-helpers = Mentors and tutors
audience-reach = Will receive: { $total } ({ $platforms }). Not connected yet: { $unreachable }.
platform-telegram = Telegram
platform-vk = VK
platform-console = playground
platform-max = MAX
skip = Skip
announce-urgent = Urgent — send even in quiet hours
push-held = I will send it at { $time } (quiet hours).
push-send-now = Urgent — send now
push-released = { $count ->
    [one] Sending { $count } message now.
   *[other] Sending { $count } messages now.
}
push-nothing-held = Nothing is waiting: everything is sent or on its way.

## Seminars
seminar-ask-title = What is the seminar called?
seminar-title-invalid = The title should be 3 to 200 characters.
seminar-ask-when = When does it take place? Write the date and local time ({ $zone }), for example: 25.12 15:00 or tomorrow 14:30.
seminar-when-invalid = I could not read the date and time, or it has passed. Example: 25.12 15:00.
seminar-ask-format = How will it take place?
seminar-format-in_person = In person
seminar-format-online = Online
seminar-ask-address = Where? Please write the address.
seminar-ask-link = Please send the link to the stream or video meeting.
seminar-link-invalid = A link starting with http:// or https:// is needed.
seminar-address-invalid = The address should be 3 to 300 characters.
seminar-ask-description = A few words about the seminar (or "Skip").
seminar-ask-audience = Whom are we inviting? Choose an audience or a school.
seminar-schools-chosen = Schools chosen: { $schools }. Add more?
seminar-schools-done = Done, next
seminar-ask-capacity = How many places? Press a button or write a number.
seminar-no-limit = No limit
seminar-capacity-invalid = Write a number of places from 1 to 10000 or press "No limit".
seminar-ask-repeat = Does the seminar repeat? If so, choose how: it becomes a series of sessions with one announcement.
seminar-series-none = No, a single event
seminar-series-join = A session of "{ $title }"
seminar-ask-sessions = How many sessions? Press a button, type a number from 2 to 20, or the date of the last session, e.g. 30.04.2027.
seminar-sessions-invalid = Type a number of sessions from 2 to 20 or the date of the last session, e.g. 30.04.2027.
seminar-sessions-too-few = Fewer than two sessions fit before that date. Choose a later date or type a number of sessions.
seminar-sessions-too-many = That makes more than twenty sessions, too long a series. Choose an earlier date or type a number.
seminar-when-passed = The seminar's time passed while we were setting it up. Please start again with /seminar.
# Seminar series and reminder leads
series-rhythm-weekly = every { $weekday ->
        [1] Monday
        [2] Tuesday
        [3] Wednesday
        [4] Thursday
        [5] Friday
        [6] Saturday
       *[7] Sunday
    }
series-rhythm-biweekly = every other { $weekday ->
        [1] Monday
        [2] Tuesday
        [3] Wednesday
        [4] Thursday
        [5] Friday
        [6] Saturday
       *[7] Sunday
    }
series-rhythm-monthly-day = monthly on day { $day }
series-rhythm-monthly-weekday = on the { $nth ->
        [first] first
        [second] second
        [third] third
        [fourth] fourth
       *[last] last
    } { $weekday ->
        [1] Monday
        [2] Tuesday
        [3] Wednesday
        [4] Thursday
        [5] Friday
        [6] Saturday
       *[7] Sunday
    } of each month
series-rhythm-none = a series of sessions
series-rhythm-line = Series: { $rhythm }, { $count ->
    [one] { $count } session
   *[other] { $count } sessions
}:
series-invitation = You are invited to a seminar series!
series-first-session = The nearest session:
series-cards-note = Please answer for the nearest session. I will send each next session's card by itself, about a week before it.
series-next-card = The next session of "{ $title }" ({ $number } of { $count }). Will you come?
series-announced = It is a series: { $count ->
    [one] { $count } session
   *[other] { $count } sessions
}. Each next session's card goes by itself, about a week before it.
series-calendar = 📎 All sessions of "{ $title }" for your calendar: open the file and { $count ->
    [one] { $count } session appears
   *[other] { $count } sessions appear
} in your calendar.
series-calendar-cancel = 📎 Open the file and the cancelled sessions of "{ $title }" leave your calendar.
seminar-lead-10080 = a week before
seminar-lead-1440 = a day before
seminar-lead-180 = 3 hours before
seminar-lead-60 = an hour before
seminar-lead-15 = 15 minutes before
seminar-leads-none = no reminders
seminar-leads-line = 🔔 Reminders to those coming or unsure: { $leads }
seminar-leads-change = 🔔 Set reminders
seminar-ask-leads = When should those who said "Coming" or "Maybe" be reminded? Press to switch on or off. Now: { $leads }.
seminar-leads-done = Done
seminar-cancel-ask-scope = «{ $title }» is a session of a series. What should be cancelled?
seminar-scope-one = This session only
seminar-scope-rest = This and all the next ({ $count })
seminar-cancel-rest-ask = Cancel { $count ->
    [one] { $count } session
   *[other] { $count } sessions
} of «{ $title }»? Each person gets one message with all the dates. Whom should I tell?
series-cancelled-notice = Sessions of «{ $title }» are cancelled — { $count ->
    [one] { $count } session will not take place
   *[other] { $count } sessions will not take place
}:
{ $dates }
Sorry for the change of plans — I will tell you about the next seminars.
series-cancelled-done = { $sessions ->
    [one] { $sessions } session
   *[other] { $sessions } sessions
} of «{ $title }» cancelled. { $count ->
    [0] There was nobody to tell.
    [one] I will tell { $count } person, in one message.
   *[other] I will tell { $count } people, one message each.
}
seminar-edit-ask-scope = This is a session of a series. Change only it, or all the next ones too?
seminar-field-leads = Reminders ({ $leads })
seminar-leads-saved = Done: reminders — { $leads }. { $count ->
    [one] This applies to this session.
   *[other] This applies to { $count } sessions.
} A reminder whose time has already passed will not come.
series-changed-rest = This applies to { $count ->
    [one] { $count } session
   *[other] { $count } sessions
} of the series:
{ $dates }
seminars-series-line = 🔁 { $title } — { $rhythm }, next { $next }
seminars-series-line-past = 🔁 { $title } — { $rhythm }, last { $next }
seminar-series-of = 🔁 Series: { $rhythm }, session { $number } of { $count }
seminar-series-xlsx = Series XLSX
seminar-not-series = This is a single seminar, not a series.
series-exported = Attendance and feedback of the series «{ $title }»: a row per person, a column per session.
series-export-columns = Name|School
series-export-total = Came (sessions)
series-export-came = came
series-export-came-rated = came, rated { $rating }
series-export-cancelled = cancelled
series-export-sessions = Sessions
series-export-session-columns = Session|Registered|Came|Ratings|Average rating
series-export-summary-columns = School|Invited|Came at least once|Visits|Per session|Average rating
seminar-confirm-question = Announce it?
seminar-announce = Announce
seminar-announced = The announcement is going out to { $count ->
    [one] { $count } person
   *[other] { $count } people
}. The attendance code for the seminar: { $code }. List and marks — /seminars.
seminar-invitation = You are invited to a seminar!
seminar-when = 🕒 { $when } (local time), { $minutes } min
seminar-online = 💻 Online: { $link }
seminar-in-person = 📍 In person: { $address }
seminar-capacity = Places: { $capacity }
seminar-gone = This seminar was cancelled or removed.
seminar-started = The seminar has started — it is too late to answer.
seminar-cancelled = The seminar is cancelled.
seminar-cancel = Cancel the seminar
seminar-cancel-ask = Cancel the seminar «{ $title }»? Who should hear of it?
seminar-tell-answered = Those who said «I'll come» or «Maybe» ({ $count })
seminar-tell-all = Everyone invited ({ $count })
seminar-cancel-keep = Keep it
seminar-cancelled-already = This seminar is already cancelled.
seminar-materials = Send materials
seminar-materials-too-early = Materials are sent after the seminar.
seminar-materials-ask = Send a file with the materials or a link to them.
seminar-materials-invalid = I need a file or a link starting with http:// or https://.
seminar-materials-ask-who = Who should get { $what }?
seminar-materials-came = Those who came ({ $count })
seminar-materials-missed = Those invited who did not come ({ $count })
seminar-materials-keep = Don't send
seminar-materials-notice-came = Thank you for coming to the seminar «{ $title }»! Here are the materials.
seminar-materials-notice-missed = The materials of the seminar «{ $title }» — if you could not come, here is the gist.
seminar-materials-sent = Sending the materials to { $count ->
    [one] { $count } person
   *[other] { $count } people
}.
seminar-exported = Attendance and feedback of the seminar «{ $title }».
seminar-export-people = Participants
seminar-export-schools = By school
seminar-export-columns = Full name|School|Invited|Answer|Came|Rating|Comment
seminar-export-summary-columns = School|Invited|Answered|Signed up|Came|Feedback|Average rating
seminar-export-yes = yes
seminar-export-no = no
seminar-export-answer-going = I'll come
seminar-export-answer-waitlisted = I'll come (waiting list)
seminar-export-answer-maybe = Maybe
seminar-export-answer-no = Can't come
seminar-export-came-code = yes, by code
seminar-export-came-coordinator = yes, marked by the coordinator
seminar-calendar = 📎 «{ $title }» for your calendar: open the file and the seminar appears there (or is updated).
seminar-calendar-cancel = 📎 Open the file and «{ $title }» leaves your calendar.
seminar-edit = Change
seminar-edit-started = The seminar has started — it is too late to change it.
seminar-edit-ask-field = What should change?
seminar-field-title = Title
seminar-field-startsAt = Date and time
seminar-field-place = Place or link
seminar-field-capacity = Places
seminar-edit-now = Now: { $value }
seminar-edit-ask-place = Write the new address.
seminar-edit-ask-who = Who should hear of the change?
seminar-edit-nothing = All right, nothing changes.
seminar-edit-done = Done, the seminar is changed. { $count ->
    [0] There was nobody to tell.
    [one] I will tell { $count } person.
   *[other] I will tell { $count } people.
}
seminar-edit-waitlisted = The latest to sign up moved to the waiting list: { $count }. I will tell them.
seminar-changed-title = The seminar «{ $title }» is now called «{ $now }».
seminar-changed-startsAt = The seminar «{ $title }» has moved: it was { $was }, now { $now }. I will remind you nearer the new time.
seminar-changed-place = The seminar «{ $title }» has a new place: { $now } (was: { $was }).
seminar-changed-capacity = The number of places at the seminar «{ $title }» changed: it was { $was }, now { $now }.
rsvp-moved-to-waitlist = There are fewer places at the seminar «{ $title }», and you are on the waiting list for now. I will tell you if a place frees up.
seminar-cancelled-done = The seminar «{ $title }» is cancelled. { $count ->
    [0] There was nobody to tell.
    [one] I will tell { $count } person.
   *[other] I will tell { $count } people.
}
seminar-cancelled-notice = The seminar «{ $title }» ({ $when }) is cancelled. Sorry for the change of plans — I will tell you about the next ones.
rsvp-yes = I'll come
rsvp-maybe = Maybe
rsvp-no = Can't come
rsvp-status-going = ✅ You are registered.
rsvp-status-waitlisted = ⏳ No places left — you are on the waiting list. I will tell you if a place frees up.
rsvp-status-maybe = 🤔 Noted: maybe.
rsvp-status-no = Noted: you can't come. Thank you for letting us know.
rsvp-counts = Coming: { $going } · maybe: { $maybe } · can't: { $no } · waiting list: { $waitlisted }
rsvp-promoted = A place freed up at the seminar "{ $title }" — you are registered!
seminar-reminder-10080 = Reminder: the seminar "{ $title }" is in a week — { $when }. { $place }
seminar-reminder-1440 = Reminder: tomorrow is the seminar "{ $title }" — { $when }. { $place }
seminar-reminder-180 = The seminar "{ $title }" starts in 3 hours — { $when }. { $place }
seminar-reminder-60 = The seminar "{ $title }" starts in an hour — { $when }. { $place }
seminar-reminder-15 = The seminar "{ $title }" starts in 15 minutes — { $when }. { $place }
seminar-nudge = You have not said yet whether you will come to "{ $title }". Please answer: it helps to prepare the room and the materials.
seminar-reminders-off-button = No seminar reminders
seminar-reminders-off-done = All right, no more seminar reminders. I will still tell you about changes and cancellations. To switch them back on, press below or open /seminars.
seminar-reminders-on-done = Seminar reminders are on again.
seminar-reminders-on-switch = Reminders: on → switch off
seminar-reminders-off-switch = Reminders: off → switch on
rsvp-reminders = 🔔 I will remind you { $leads }.
rsvp-reminders-none = 🔕 There will be no reminders for this seminar.
rsvp-reminders-off = 🔕 Your seminar reminders are off; switch them on in /seminars.
seminars-none = No seminars coming up. Announce one with /seminar.
seminars-heading = Seminars — upcoming and recent:
seminars-invited-heading = { $count ->
    [one] { $count } seminar ahead that you are invited to:
   *[other] { $count } seminars ahead that you are invited to:
}
seminars-invited-none = No seminars ahead that you are invited to. Suggest a topic — /topic.
seminar-attended = Came: { $count }. Feedback: { $feedback }, average rating: { $average }.
seminar-code = Attendance code: { $code }
seminar-going-list = Registered:
seminar-comments = Feedback:
seminar-mark-attendance = Mark attendance
attendance-heading = "{ $title }": tap the people who came. Marked: { $present }.
attendance-nobody = Nobody has registered for this seminar yet.
attendance-confirmed = Thank you! You are marked as present at "{ $title }".
attendance-already = You are already marked as present at "{ $title }".
attendance-not-yet = The code is right, but check-in for "{ $title }" opens { $opens } (local time), an hour before the start. Send the code again when you are there.
attendance-bad-code = That code did not work. Please check it — the seminar host has it.
feedback-ask-rating = How was the seminar "{ $title }"? Rate it from 1 to 5.
feedback-ask-comment = Thank you for the rating! A few words — what was useful, what was missing? (or "Skip")
feedback-thanks = Thank you for your feedback!
feedback-not-attended = Only those who attended can rate the seminar.
topic-ask = Which topic would you like for the next sessions?
topic-invalid = Please describe the topic in 3–300 characters.
topic-saved = Thank you! Your coordinator will see your suggestion.
topics-none = No topics suggested yet.
topics-heading = Suggested topics (how many times, from which schools):

## Broadcasts
broadcast-ask-text = Write the announcement. You can send a file — then I will ask for the text next.
broadcast-text-invalid = The announcement text is too short.
broadcast-file-too-big = The file is too big: up to 20 MB.
broadcast-ask-caption = I have the file "{ $file }". Now write the announcement text for it.
broadcast-ask-audience = Whom should it go to?
broadcast-preview = This is how the announcement will look:
broadcast-send = Send
broadcast-queued = Sending to { $count ->
    [one] { $count } person
   *[other] { $count } people
}. The delivery report is on the button.
broadcast-report-button = Delivery report
broadcast-refresh = Refresh
broadcast-report = Recipients: { $total }. Delivered: { $delivered }, blocked the bot: { $blocked }, errors: { $failed }, queued: { $pending }.
broadcast-report-stopped = Stopped: { $count }.
broadcast-stop = Stop the broadcast
broadcast-stopped = The broadcast is stopped. Already received: { $delivered }, on the way: { $pending }, cancelled: { $count }.
broadcast-nothing-to-stop = Nothing left to stop: everything has gone, or the broadcast was stopped already.
broadcast-schedule = Schedule
broadcast-change-time = Change the time
broadcast-confirm-scheduled = Schedule for this time
broadcast-now = Now
broadcast-ask-when = When should it go? Write the day and time in local time, for example "25.12 09:00" or "tomorrow 8:30".
broadcast-when-unreadable = I could not read the time. Write, for example, "25.12 09:00" or "tomorrow 8:30".
broadcast-when-past = That time has passed. Write a later one, for example "tomorrow 8:30".
broadcast-scheduled-preview = I will send it on { $when }, local time.
broadcast-scheduled = Scheduled for { $count ->
    [one] { $count } person
   *[other] { $count } people
}: I will send it on { $when }, local time. The delivery report is on the button.
broadcast-scheduled-quiet = The time you set falls in quiet hours, so it goes right after them.
broadcast-back = Back
broadcast-audience-schools = Several schools, or one role in them
broadcast-audience-round = Those who have not answered a survey
broadcast-audience-seminar = Those who came to a seminar
broadcast-audience-names = A list of names
broadcast-ask-schools = Tick the schools — several if you like; a second press unticks. Then "Done, next".
broadcast-schools-done = Done, next
broadcast-schools-none = Tick at least one school.
broadcast-ask-role = Whom in { $count ->
    [one] this school
   *[other] these schools
}?
broadcast-role-all = Everyone
broadcast-ask-round = Which survey? Those who have not answered yet get the announcement.
broadcast-no-rounds = No survey is open now.
broadcast-round-label = { $title }, until { $closes }
broadcast-round-all-answered = Everyone has answered this survey — there is nobody to write to.
broadcast-ask-seminar = Which seminar? Those who checked in at it get the announcement.
broadcast-no-seminars = There have been no seminars in the last months.
broadcast-seminar-nobody = Nobody checked in at this seminar — there is nobody to write to.
broadcast-ask-names = Write surnames or full names, separated by commas or one per line.
broadcast-names-none = Nobody on the list was found among the municipality's people. Check the spelling and send it again.
broadcast-names-missing = Not found: { $names }. They will not get the announcement.
broadcast-names-ambiguous = Several people fit: { $names }. Write the name more fully if you need one of them.
broadcast-correct = Send a correction
broadcast-correction-ask = Write the correction. Only those who have already got the announcement will get it: { $count ->
    [one] { $count } person
   *[other] { $count } people
}.
broadcast-correction-to = Goes to those who got the announcement: { $count }.
broadcast-correction-nobody = There is nobody to correct: the announcement has not reached anyone yet.
broadcast-correction-heading = A correction to the announcement "{ $original }":

# Broadcasts: editing a sent text in place, how many are pinned (edit.ts)
broadcast-edit-button = Edit the text
broadcast-pinned = Pinned in chats: { $count } of { $delivered }.
broadcast-edit-nothing = There is nothing to edit yet: the announcement has not reached anyone.
broadcast-edit-ask = Write the new text of the announcement. It reads now:
broadcast-edit-reach = Received: { $delivered }. It can be edited in place for { $editable ->
    [one] { $editable } person
   *[other] { $editable } people
}; the others can be sent a correction.
broadcast-edit-same = That is the same text as now. Please write the corrected version.
broadcast-edit-too-long = The text will not fit in one message: its length is { $length }, the limit is { $limit }. Please shorten it.
broadcast-edit-preview = This is how the announcement will read after the edit:
broadcast-edit-plan = I will edit it in place for { $count ->
    [one] { $count } person
   *[other] { $count } people
}.
broadcast-edit-plan-stale = For { $count ->
    [one] { $count } person
   *[other] { $count } people
} the message can no longer be edited (the messenger does not allow it, or it is too old); they can be sent a correction.
broadcast-edit-confirm = Edit
broadcast-edit-status = Edited: { $edited }. Still being edited: { $waiting }. Could not be edited: { $missed }.
broadcast-edit-corrected = Those whose message could not be edited were sent a correction.
broadcast-edit-fallback = Send them a correction ({ $count })
audit-broadcast-edited = broadcast edited
audit-text-broadcast-edited = broadcast text edited: { $count ->
    [one] { $count } message
   *[other] { $count } messages
} in place, { $missed } not editable

# Broadcasts: read confirmation ("Got it") and pinning
broadcast-option-ack = Ask to confirm reading
broadcast-option-pin = Pin in the chat
broadcast-option-ack-on = I will ask to confirm reading: the announcement will have a "Got it" button.
broadcast-option-pin-on = I will pin the announcement in the chat where the messenger allows it.
broadcast-ack-button = Got it
broadcast-acked-button = ✓ Got it { $when }
broadcast-ack-thanks = Thank you, noted: you have read it.
broadcast-ack-already = Already noted: you confirmed on { $when }.
broadcast-ack-not-yours = This announcement was not addressed to you, so there is nothing to confirm.
broadcast-ack-not-asked = This broadcast did not ask for a read confirmation.
broadcast-ack-reminder = A reminder: please confirm you have read the announcement, with the button below.

    "{ $original }"
broadcast-ack-summary = Confirmed reading: { $confirmed ->
    [one] { $confirmed } person
   *[other] { $confirmed } people
}, not yet confirmed: { $waiting ->
    [one] { $waiting } person
   *[other] { $waiting } people
}.
broadcast-ack-unreached = Could not reach { $count ->
    [one] { $count } person
   *[other] { $count } people
}: { $why }.
broadcast-ack-why-blocked-count = { $count ->
    [one] { $count } blocked the bot
   *[other] { $count } blocked the bot
}
broadcast-ack-why-failed-count = { $count ->
    [one] { $count } delivery error
   *[other] { $count } delivery errors
}
broadcast-ack-why-stopped-count = { $count ->
    [one] { $count } missed it as it was stopped
   *[other] { $count } missed it as it was stopped
}
broadcast-ack-why-none-count = { $count ->
    [one] { $count } had no messenger
   *[other] { $count } had no messenger
}
broadcast-ack-queued = Still queued: { $count ->
    [one] { $count } message
   *[other] { $count } messages
}.
broadcast-ack-reminders-sent = { $count ->
    [one] { $count } reminder sent
   *[other] { $count } reminders sent
} of { $max }.
broadcast-ack-who = Who has not confirmed
broadcast-ack-remind = Remind those who have not ({ $count })
broadcast-ack-export = Download XLSX
broadcast-ack-who-waiting = Not confirmed — { $count ->
    [one] { $count } person
   *[other] { $count } people
}:
broadcast-ack-who-none = Everyone who got the announcement has confirmed reading it.
broadcast-ack-who-unreached = Did not get it — { $count ->
    [one] { $count } person
   *[other] { $count } people
}:
broadcast-ack-and-more = { $count ->
    [one] and { $count } more person
   *[other] and { $count } more people
} — the full list is in the XLSX.
broadcast-ack-erased = (data erased)
broadcast-ack-why-blocked = blocked the bot
broadcast-ack-why-failed = delivery error
broadcast-ack-why-stopped = the broadcast was stopped before it went
broadcast-ack-why-none = had no messenger when it went
broadcast-ack-remind-cap = { $count ->
    [one] { $count } reminder has
   *[other] { $count } reminders have
} already gone — I will not remind about this broadcast again, so as not to nag. Who has not confirmed is under the report's button.
broadcast-ack-remind-done = This reminder has already gone. Refresh the report to see who has confirmed since.
broadcast-ack-remind-nobody = Nobody to remind: everyone who got the announcement has confirmed.
broadcast-ack-reminded = Sending the reminder ({ $number } of { $max }) to { $count ->
    [one] { $count } person
   *[other] { $count } people
}.
broadcast-ack-status-confirmed = confirmed { $when }
broadcast-ack-status-waiting = not confirmed
broadcast-ack-status-queued = still queued
broadcast-ack-status-unreached = not delivered: { $why }
broadcast-ack-sheet = Reading
broadcast-ack-col-person = Full name
broadcast-ack-col-role = Role
broadcast-ack-col-messenger = Messenger
broadcast-ack-exported = Read report: { $confirmed } of { $total ->
    [one] { $total } recipient
   *[other] { $total } recipients
} confirmed.

## Commands (seminars and broadcasts)
cmd-seminar = announce a seminar
cmd-seminars = seminars, registration and attendance
cmd-here = confirm attendance with a code
cmd-topic = suggest a seminar topic
cmd-topics = suggested topics
cmd-broadcast = send an announcement

## Consultations
consultation-default-topics = Preparing for VPR | Preparing for OGE and EGE | Analysing assessment results | Working with low achievers | Lesson methods | The school road map | Management questions
consultation-format-in_person = in person
consultation-format-online = online
consultation-format-school_visit = school visit
consultation-format-phone = by phone
log-no-assignments = You have no assignments yet — consultations can only be logged for your own schools and teachers. If that is a mistake, please write to your coordinator.
log-not-your-assignment = Consultations can only be logged for the people you are assigned to.
log-ask-whom = Whom was the consultation with?
log-ask-date = When? Press a button or write a date such as 12.03.
log-today = Today
log-yesterday = Yesterday
log-date-invalid = I could not read the date (or it is in the future). For example: yesterday, 12.03, 12.03.2026.
log-ask-minutes = How long did it take?
log-minutes = { $minutes } min
log-minutes-invalid = Write the length in minutes from 5 to 600, such as 45, or "1,5 ч".
log-ask-format = How did it take place?
log-ask-topic = The topic? Pick one or write your own.
log-topic-invalid = Please describe the topic in 2–300 characters.
log-ask-outcome = The outcome or next step (you may skip it).
log-ask-field = What should be corrected?
log-field-date = The date
log-field-minutes = The length
log-field-format = The format
log-field-topic = The topic
log-field-outcome = The outcome
log-summary = With: { $whom }
    When: { $date }
    Length: { $minutes } min
    Format: { $format }
    Topic: { $topic }
    Outcome: { $outcome }
log-confirm-question = Save?
log-unknown-name = I did not find "{ $name }" among your schools and teachers. { $kept ->
    [none] Please choose who the consultation was with.
   *[other] I kept the rest ({ $kept }) — just choose who the consultation was with.
}
log-which = One entry is already waiting to be saved:

    { $waiting }

    The new one:

    { $fresh }

    Which one should I keep?
log-keep-waiting = The waiting one
log-keep-new = The new one
log-fresh-start = We start from the beginning: who, when, how long.
log-save = Save
log-saved = Saved. Thank you! Your month — /mylog.
log-edited = Corrected. The previous version is kept in the history.
log-entry-gone = This entry was deleted.
log-confirm-request = { $author } logged a consultation with you: { $date }, { $minutes } min, "{ $topic }". Please confirm it took place.
log-confirm-yes = Yes, it took place
log-confirmed = Thank you, your confirmation is saved.
log-confirmed-already = This consultation is already confirmed.
mylog-heading = Consultations this month: { $count }, time: { $time }.
log-count-time = { $count ->
    [one] { $count } meeting
   *[other] { $count } meetings
}, { $time }
duration-minutes = { $minutes } min
duration-hours-minutes = { $hours } h { $minutes } min
duration-whole-hours = { $hours } h
duration-hours = { $hours } h
log-count-hours = { $count } (hours: { $hours })
log-entry = { $date } — { $whom }, { $minutes } min, { $format }. Topic: { $topic }
log-too-old = The entry is older than { $days ->
    [one] { $days } day
   *[other] { $days } days
} — your coordinator can correct it.
log-edit = Correct
log-delete = Delete
log-deleted = The entry is deleted (it stays in the history).
log-nudge = Your coordinator reminds you: no consultations have been logged for a while — { $whom }. If you met, please log it: /log.
log-nudged = Reminder sent: { $whom }.
log-nudged-already = A reminder already went out today: { $whom }.
log-monthly-reminder = You have no consultations logged this month yet. If you met anyone, it takes a minute: /log.
consultations-heading = Consultations from { $from } to { $to }: { $count }, hours: { $hours }.
consultations-by-school = By school:
consultations-by-pair = By pair:
consultations-quiet = No consultation for more than { $days ->
    [one] { $days } day
   *[other] { $days } days
}: { $count ->
    [one] { $count } pair
   *[other] { $count } pairs
} — you can nudge them with a button.
consultations-no-quiet = Every pair had a consultation in the last { $days ->
    [one] day
   *[other] { $days } days
}.
consultations-export = Download XLSX
consultations-exported = The export is ready: { $count ->
    [one] { $count } entry
   *[other] { $count } entries
}.
period-month = This month
period-previous = Last month
period-year = School year
export-consultations-sheet = Consultations
export-by-school-sheet = By school
col-date = Date
col-author = Given by
col-whom = With
col-school = School
col-minutes = Minutes
col-hours = Hours
col-format = Format
col-topic = Topic
col-outcome = Outcome
col-confirmed = Confirmed
col-count = Count
yes = yes
cmd-log = log a consultation
cmd-mylog = my consultations this month
cmd-consultations = consultations: totals and export
# Consultations: plans per pair, planned sessions, teachers' ratings
plan-button = Plans per pair
plan-my-heading = Your pairs' plans for this month:
plan-municipality-heading = The pairs and their plans for this month:
plan-no-pairs-municipality = There are no tutor or mentor pairs in the municipality yet. To assign one: /assign.
plan-sessions-done = { $count ->
    [one] { $count } meeting
   *[other] { $count } meetings
}
plan-progress-none = { $done }, { $time }
plan-progress-sessions = { $done } of { $planned ->
    [one] { $planned } session
   *[other] { $planned } sessions
}
plan-progress-time = { $done } of { $planned }
plan-sessions-per-month = { $count ->
    [one] { $count } session
   *[other] { $count } sessions
} a month
plan-time-per-month = { $time } a month
plan-card-plan = Plan: { $plan }.
plan-card-no-plan = No plan yet.
plan-card-goals = Goals: { $goals }
plan-card-month = This month: { $progress }.
plan-card-earlier = { $count ->
    [one] { $count } earlier plan is
   *[other] { $count } earlier plans are
} kept in the history.
plan-set = Set a plan
plan-change = Change the plan
plan-ask-sessions = A plan for «{ $whom }». How many sessions a month? Press a button or type a number.
plan-no-sessions = Don't count sessions
plan-sessions-invalid = Type a number of sessions a month from 1 to 31.
plan-ask-hours = How many hours a month? For example: 3, 2.5 or 90 min.
plan-no-hours = Don't count hours
plan-hours-invalid = Type hours a month, for example 3 or 2.5 (from 15 minutes to 200 hours).
plan-need-something = A plan needs something to count: sessions or hours.
plan-ask-goals = The pair's goals for this time (up to { $max ->
    [one] { $max } character
   *[other] { $max } characters
}), or skip.
plan-keep-goals = Keep the goals
plan-goals-invalid = Please keep the goals between 2 and { $max ->
    [one] { $max } character
   *[other] { $max } characters
} long (now { $length }).
plan-summary = Pair: { $whom }
    Plan: { $plan }
    Goals: { $goals }

    Save? The previous plan, if any, stays in the history.
plan-saved = Plan saved: { $whom } — { $plan }.
plan-set-notice = The coordinator set a plan for «{ $whom }»: { $plan }. How it goes: /mylog.
mylog-goals = Goals:
mylog-rating = Your average rating from teachers this school year: { $average } ({ $count ->
    [one] { $count } rating
   *[other] { $count } ratings
}).
consultations-plans = This month's plan:
consultations-no-plan = Without a plan: { $count ->
    [one] { $count } pair
   *[other] { $count } pairs
}.
consultations-ratings = Teachers' ratings (no names):
rating-too-few = too few ratings
rating-average = { $average } of 5 ({ $count ->
    [one] { $count } rating
   *[other] { $count } ratings
})
export-plans-sheet = Plan and done
export-ratings-sheet = Ratings
col-plan-sessions = Planned sessions a month
col-done-sessions = Sessions done
col-plan-hours = Planned hours a month
col-done-hours = Hours done
col-goals = Goals
col-ratings = Ratings
col-average = Average rating
col-comments = Comments
planned-button = Plan a session
planned-heading = Planned:
planned-ask-whom = Who is the session with?
planned-ask-date = When? Press a button or type a date, for example 04.12 or 04.12 15:00.
planned-tomorrow = Tomorrow
planned-day-after = The day after
planned-date-invalid = I did not understand the date (or it has passed). For example: tomorrow, 04.12, 04.12.2026.
planned-date-too-far = A session can be planned at most { $days ->
    [one] { $days } day
   *[other] { $days } days
} ahead.
planned-ask-time = At what time? For example, 15:00.
planned-time-invalid = I did not understand the time. Type, for example, 15:00 or 9:30.
planned-time-past = That time has already passed — please choose another.
planned-ask-minutes = How long will it take?
planned-ask-format = How will it be held?
planned-summary = With: { $whom }
    When: { $when }
    Length: { $minutes } min
    Format: { $format }
    Topic: { $topic }
planned-confirm-question = Plan it? I will remind you and the teacher the day before.
planned-save = Plan it
planned-saved = Planned: { $day } at { $time }, a session with { $withWhom }. I will remind you the day before.
planned-move-question = Move the session with { $withWhom } to { $when }?
planned-move-yes = Move
planned-moved = Moved: the session with { $withWhom } is now on { $day } at { $time }. I will remind you the day before.
planned-card = { $day } at { $time } — a session with { $withWhom }, { $minutes } min, { $format }. Topic: { $topic }{ $state ->
    [done] {" "}— it took place.
    [cancelled] {" "}— it did not take place.
   *[other] {""}
}
planned-move = Move
planned-cancel = Cancel
planned-done = It took place
planned-missed = It did not
planned-default-topic = Planned session
planned-logged = Logged: { $day } at { $time }, a session with { $withWhom }, { $minutes } min. Your month: /mylog.
planned-already-done = This session is already logged.
planned-already-closed = This session is already marked as not held.
planned-not-yet = The session has not started yet — it can be marked once it has.
planned-cancelled = All right: the session with { $withWhom } did not take place.
planned-reminder-author = A reminder: { $day } at { $time } — a session with { $withWhom } ({ $format }, { $minutes } min). Topic: { $topic }
planned-reminder-counterpart = A reminder: { $day } at { $time } — a session with your { $role ->
    [tutor] tutor
   *[mentor] mentor
} { $author } ({ $format }, { $minutes } min). Topic: { $topic }
planned-moved-notice = The session with your { $role ->
    [tutor] tutor
   *[mentor] mentor
} { $author } has moved: it is now on { $day } at { $time }.
planned-cancelled-notice = The session with your { $role ->
    [tutor] tutor
   *[mentor] mentor
} { $author } on { $day } at { $time } is off.
planned-ask-outcome = Did the session with { $withWhom } on { $day } at { $time } take place?
rating-offer = If you like, rate the consultation from 1 to 5 — it is optional. The coordinator sees only averages, without names.
rating-skip = Don't rate
rating-skipped = All right, no rating. Thank you for confirming!
rating-ask-comment = Your rating: { $rating }. Would you like to add a comment (up to { $max ->
    [one] { $max } character
   *[other] { $max } characters
})? The coordinator will see it without your name.
rating-no-comment = No comment
rating-comment-invalid = A comment is 2 to { $max ->
    [one] { $max } character
   *[other] { $max } characters
} long (now { $length }).
rating-thanks = Thank you for the rating!
rating-thanks-comment = Thank you for the rating and the comment!

## Surveys
survey-error-required = This question is required — please answer it.
survey-error-choose-option = Please pick one of the options with a button.
survey-error-choose-at-least = Please tick at least { $min }.
survey-error-choose-at-most = You can tick at most { $max }.
survey-error-scale-range = Please choose a rating from { $min } to { $max }.
survey-error-not-a-number = A number is needed, such as 12 or 12.5.
survey-error-not-an-integer = A whole number is needed.
survey-error-number-range = Enter a number from { $min } to { $max }{ $unit ->
    [hours] {" "}(hours)
    [pupils] {" "}(pupils)
    [percent] {" "}(%)
    [people] {" "}(people)
    [rubles] {" "}(roubles)
   *[other] {""}
}.
survey-error-text-too-long = Too long: { $length ->
    [one] { $length } character
   *[other] { $length } characters
}, up to { $max } allowed.
survey-error-write-text = Please write your answer as text.
survey-error-date = Please write a date such as 12.03.2026.
survey-gone = This survey is no longer available.
survey-not-open = The survey has not started yet.
survey-closed = The survey is closed — answers are no longer accepted. Thank you!
survey-skipped = skipped
survey-yes = Yes
survey-no = No
survey-done = Done
survey-ticked = Chosen: { $options }
survey-back = ← Back
survey-progress = Question { $n } of { $total }
survey-type-number = Write a number from { $min } to { $max }.
survey-type-text = Write your answer as a message.
survey-type-date = Write a date such as 12.03.2026.
survey-unit-hours = h
survey-unit-pupils = pupils
survey-unit-percent = %
survey-unit-people = people
survey-unit-count = pcs
survey-unit-rubles = roubles
survey-summary = Please check your answers:
survey-submit = Submit
survey-change = Change answer { $n }
survey-incomplete = Not every question is answered yet — please go on.
survey-saved = Thank you! Your answers are saved.
survey-edited = Thank you! Your answers are updated.
survey-already = You have already answered this survey. Thank you!
survey-invite = A new survey: "{ $title }". It takes a couple of minutes; you can answer until { $until }.
survey-start = Start
survey-continue = Continue
survey-reminder = A reminder: we are waiting for your answers to "{ $title }". If you started, you will continue where you stopped.
surveys-mine = Surveys for you:
surveys-mine-open = • "{ $title }" — waiting for your answer until { $until }
surveys-mine-answered = • "{ $title }" — answered; you can change it until { $until }
surveys-mine-done = • "{ $title }" — answered, thank you
surveys-answer = Answer: { $title }
surveys-rounds = Running surveys (answered / asked):
surveys-none = No open surveys.
survey-open-until = Open until { $date }
survey-closed-at = Closed { $date }
survey-rate = Answered: { $answered } of { $total } ({ $percent }%).
survey-button-summary = Results
survey-button-missing = Who has not answered
survey-button-nudge = Remind again
survey-missing-heading = Not answered ({ $count }):
survey-missing-none = Everyone has answered.
survey-nudged = Reminders sent: { $count }.
survey-answered = answers: { $count }
survey-figures-number = mean { $mean }, median { $median }, total { $sum }
survey-figures-scale = mean { $mean }, median { $median }
survey-chart = Chart { $n }
survey-exported = The export is ready: { $count ->
    [one] { $count } response
   *[other] { $count } responses
}.
survey-escalation = Survey "{ $title }": { $count } still have not answered.
survey-escalation-school = Survey "{ $title }": { $count } at your school have not answered yet.
survey-escalation-more = …and { $count } more — the whole list is behind the button below.

survey-ask-which = Which survey are we launching? Pick a template — or send your own JSON or YAML file. To build one step by step — /newsurvey.
survey-file-type = Please send a .json or .yaml file (up to 256 KB).
survey-file-problems = The survey file has errors:
    { $problems }
survey-ask-audience = Whom are we asking?
survey-ask-audience-school = Whom are we asking? This survey is answered for a school — it usually goes to school management.
survey-audience-supported-admins = Management of supported schools
survey-ask-days = For how many days should answers be accepted?
survey-days = { $days ->
    [one] { $days } day
   *[other] { $days } days
}
survey-ask-repeat = Repeat the survey?
survey-repeat-none = No, once
survey-repeat-terms = After every term
survey-repeat-monitoring = In March, September and November
survey-confirm = Launch the survey "{ $title }" for { $days ->
    [one] { $days } day
   *[other] { $days } days
}?
survey-launch = Launch
survey-launched = The survey is launched: { $count ->
    [one] { $count } person
   *[other] { $count } people
} will get the invitation. Progress — /surveys.
# surveys: steering a round — close early, extend, remind the missing by name
survey-closed-early-at = Closed early { $date }
survey-button-extend = Extend
survey-button-close = Close early
survey-button-school-missing = Who has not answered at school
survey-remind-all = Remind everyone missing ({ $count })
survey-remind-one = Remind: { $name }
survey-missing-reminded = { $count ->
    [one] reminded by hand { $count } time
   *[other] reminded by hand { $count } times
}
survey-missing-page = Page { $page } of { $pages }
survey-missing-prev = ← Back
survey-missing-next = Next →
survey-school-missing-heading = "{ $title }", { $school }: not answered yet ({ $count }):
survey-school-missing-none = "{ $title }", { $school }: everyone has answered. Thank you!
surveys-school-rounds = Surveys of your school (answered / sent) — tap one to see who has not answered:
survey-remind-closed = The survey is closed already — no need to remind anyone.
survey-reminded = { $count ->
    [0] No reminders sent.
    [one] Reminder sent to { $count } person.
   *[other] Reminder sent to { $count } people.
}
survey-reminded-capped = { $count ->
    [one] { $count } person not reminded{ $names }
   *[other] { $count } people not reminded{ $names }
}: by hand we remind at most { $cap ->
    [one] { $cap } time
   *[other] { $cap } times
} per survey and not more than once in { $hours } h.
survey-reminded-unreachable = { $count ->
    [one] { $count } person cannot be reached{ $names }
   *[other] { $count } people cannot be reached{ $names }
}: no messenger connected.
survey-remind-answered = { $name }: the answer is in already, no need to remind.
survey-remind-cap = { $name }: { $cap ->
    [one] already { $cap } reminder
   *[other] already { $cap } reminders
} by hand for this survey — no more will be sent.
survey-remind-recent = { $name }: a reminder went less than { $hours } h ago. The next one is possible after { $next }.
survey-remind-unreachable = { $name }: cannot be reached — no messenger connected.
survey-remind-sent = { $name } — reminder sent. { $left ->
    [0] That was the last reminder by hand for this survey.
    [one] { $left } more reminder by hand is possible.
   *[other] { $left } more reminders by hand are possible.
}
survey-close-already = The survey is closed already.
survey-close-ask = Close the survey "{ $title }" now? Answered: { $answered } of { $total }.
survey-close-ask-notice = { $count ->
    [0] Everyone has answered, nobody needs to be told.
    [one] { $count } person who has not answered will get a short note that the survey is closed.
   *[other] { $count } people who have not answered will get a short note that the survey is closed.
}
survey-close-confirm = Close now
survey-close-keep = Keep it open
survey-close-card = Survey card
survey-closed-early = The survey "{ $title }" is closed. Answered: { $answered } of { $total }. { $notified ->
    [0] The results are on the survey card.
    [one] I will tell { $notified } person who has not answered that no answer is needed any more.
   *[other] I will tell { $notified } people who have not answered that no answer is needed any more.
}
survey-closed-notice = The survey "{ $title }" closed early — no need to answer it any more. Thank you!
survey-extend-ask = Until which day should the survey "{ $title }" run? It is open until { $until } now. Pick a period or type a date, e.g. 20.12.
survey-extend-ask-closed = Extend the survey "{ $title }"? It closed { $until }; extending opens it again. Pick a period or type a date, e.g. 20.12.
survey-extend-days = { $days ->
    [one] +{ $days } day
   *[other] +{ $days } days
} (until { $until })
survey-extend-cancel = Do not extend
survey-extend-kept = All right, the deadline stays as it is.
survey-extend-type = Type a date, e.g. 20.12 or 20.12.2026, — or pick a period with a button.
survey-extend-past = That date has passed — please type a later one.
survey-extend-not-later = The new deadline must be later than the current one ({ $until }) — please type a later date.
survey-extend-too-far = That is too far: at most { $days ->
    [one] { $days } day
   *[other] { $days } days
} ahead.
survey-extended = The survey "{ $title }" is extended until { $until }. { $notified ->
    [0] Everyone has answered already.
    [one] I will tell { $notified } person who has not answered.
   *[other] I will tell { $notified } people who have not answered.
}
survey-extended-notice = The survey "{ $title }" is extended until { $until } — you can answer here.
export-raw-sheet = Answers
export-schools-sheet = By school
col-respondent = Respondent
col-submitted = Submitted
col-responses = Responses
col-audience = Asked
col-rate = Share, %
cmd-survey = launch a survey
cmd-surveys = surveys

## Road map
roadmap-ask-file = Send the order with the road map — DOCX, XLSX, CSV — or paste the table as text (copy it from Word).
roadmap-pasted = pasted text
roadmap-error-corrupt = I cannot read the file: it seems damaged. Please save it again and resend.
roadmap-error-empty = The document has no plan items. Please check it is the right file.
roadmap-error-no-table = I found no plan table: a header row such as "№ | Activities | Deadlines | Responsible | Result" is needed.
roadmap-error-too-big = The file is too big: I take up to 20 MB.
roadmap-error-unsupported = I cannot read this format. Please send DOCX, XLSX or CSV, or paste the table text.
roadmap-preview = "{ $file }": items — { $items }, sections — { $sections }. Plan period: { $period }.
    Deadlines understood: { $understood }, not understood: { $unknown }.
roadmap-not-understood = Deadlines I did not understand (no reminders for them; they can be clarified later):
roadmap-blank = blank
roadmap-warnings = Remarks on the table: { $count } (repeated numbers, blank deadlines).
roadmap-tables-left-out = Left out { $count ->
    [one] a table
   *[other] tables
} without deadlines: { $tables }.
roadmap-tables-left-out-no-title = Left out { $count ->
    [one] a table
   *[other] tables
} without activities: { $tables }.
roadmap-columns-intro = I could not tell which column is which. Here are the first rows of the table, columns numbered:
roadmap-columns-ask-title = Which column holds the activities?
roadmap-columns-ask-deadline = And the deadlines?
roadmap-columns-ask-responsible = And who is responsible?
roadmap-columns-button = Column { $column }: { $sample }
roadmap-columns-none = No such column
roadmap-columns-empty = With these columns I found no item. Let us choose again.
roadmap-columns-too-big = The table is too big to choose its columns in a chat. Add a header row above it such as "No. | Activity | Deadline | Responsible" and send the file again.
roadmap-columns-remembered = I used the columns you chose last time for a table with this header.
roadmap-columns-again = Choose the columns again
roadmap-imported = The road map is saved. New items: { $created }, updated: { $updated }, unchanged: { $unchanged }, removed: { $removed }.
roadmap-ask-responsible = Whom should I remind about items where the responsible body is "{ $body }"? (left to clarify: { $left })
responsible-coordinators = The coordinators
responsible-supported-admins = Heads of supported schools
responsible-all-admins = Heads of all schools
responsible-nobody = Nobody
roadmap-responsible-done = Done, the responsible people are set. Reminders go out a week and a day before each deadline. Progress — /roadmap.
roadmap-none = No road map has been loaded yet.
roadmap-import = Load the road map
roadmap-import-school = Load the school's plan
roadmap-mine-none = You have no open road-map items right now.
roadmap-mine-heading = Your road-map items:
roadmap-summary = Items: { $items }. Done: { $done }, overdue: { $overdue }, with no understood deadline: { $unknown }.
roadmap-overdue-heading = Overdue:
roadmap-by-section = By section (done / all):
roadmap-by-responsible = By responsible body:
roadmap-exported = The export is ready: { $count ->
    [one] { $count } row
   *[other] { $count } rows
}.
roadmap-sheet = Road map
roadmap-status-done = done
roadmap-status-overdue = overdue
roadmap-status-open = in progress
roadmap-status-continuous = continuous
roadmap-status-unknown = deadline not understood
col-section = Section
col-activity = Activity
col-deadline-text = Deadline (as written)
col-due = Due
col-responsible = Responsible
col-result = Expected result
col-status = Status
col-done-at = Done on
col-done-by = Marked by
col-evidence = Evidence (link or file)
col-milestone-comment = Comment
roadmap-item-gone = This item is no longer in the road map.
roadmap-ask-evidence = Marking as done: "{ $title }". Send a file or a link — or press "No evidence". A few words on what was done are fine too.
roadmap-no-evidence = No evidence
roadmap-already-done = This item is already marked as done.
roadmap-done = Marked as done. Thank you!
roadmap-ask-new-date = The deadline is { $due } now. Move it to which date? For example: 15.10.2026.
roadmap-new-date-invalid = A future date is needed, for example 15.10.2026.
roadmap-postponed = The deadline is moved to { $date }. I will remind you in advance.
roadmap-ask-comment = Please write your comment.
roadmap-commented = The comment is saved.
roadmap-button-done = Done
roadmap-button-postpone = Postpone
roadmap-button-comment = Comment
roadmap-due-week = In a week, { $when }, a road-map deadline: { $title }
roadmap-due-tomorrow = Tomorrow, { $when }, a road-map deadline: { $title }
roadmap-due-today = A road-map deadline is today: { $title }. How is it going?
roadmap-overdue = A road-map item is overdue: { $title } (due { $when }). Responsible: { $responsible }.
roadmap-checkin = Monthly road-map check-in: { $title }. How is it going?
# road map: reminders at a span's start and the daily digest
roadmap-span-start = A period begins: { $title }, from { $from }, due by { $when }.
roadmap-due-passed = A road-map deadline passed on { $when }: { $title }. How is it going?
roadmap-digest-heading = The road map today: { $count ->
    [one] { $count } item needs attention
   *[other] { $count } items need attention
}.
roadmap-digest-today = Due today:
roadmap-digest-soon = Soon (within a week):
roadmap-digest-overdue = Overdue:
roadmap-digest-start = A period begins:
roadmap-digest-month = Monthly check-in:
roadmap-digest-escalated = Overdue with those responsible:
roadmap-digest-line = { $title } — { $when }
roadmap-digest-line-span = { $title } — { $from } to { $when }
roadmap-digest-line-escalated = { $title } — { $when } (responsible: { $responsible })
roadmap-digest-more = …and { $count ->
    [one] { $count } more item
   *[other] { $count } more items
} — all in /roadmap
roadmap-digest-hint = "✓" marks done, "⟳" postpones; the number is the one in the list.
roadmap-digest-done = { $n } ✓
roadmap-digest-postpone = { $n } ⟳
roadmap-button-undo = Undo
roadmap-undone = The "done" mark is removed: "{ $title }" is in progress again.
roadmap-undo-not-done = The item is not marked done — nothing to undo.
roadmap-undo-too-late = A mark can be undone within a day. If it is wrong, write to the coordinator.
roadmap-done-notice = Road-map item done: "{ $title }". Marked by { $who }. Evidence: { $evidence }
roadmap-postponed-notice = The deadline of "{ $title }" moved from { $from } to { $to }. Moved by { $who }.
roadmap-postpone-request = { $who } asks to move the deadline of "{ $title }" from { $from } to { $to }.
roadmap-postpone-accept = Accept
roadmap-postpone-refuse = Keep the deadline
roadmap-postpone-requested = I asked the coordinator to move the deadline to { $date }. I will tell you what they decide.
roadmap-postpone-accepted = Accepted: "{ $title }", new deadline { $date }. I will tell the person responsible.
roadmap-postpone-refused = The deadline stays: "{ $title }", { $date }. I will tell the person responsible.
roadmap-postpone-accepted-you = The coordinator agreed: "{ $title }", new deadline { $date }. I will remind you in advance.
roadmap-postpone-refused-you = The coordinator kept the deadline: "{ $title }", { $date }. Talk to them if needed.
roadmap-request-decided = This postponement is already decided.
roadmap-request-stale = This request is no longer current: the item is done or a new date was asked for.
roadmap-mine-button = My items
roadmap-approval-button-on = Approve postponements
roadmap-approval-button-off = Postpone without approval
roadmap-approval-on = From now on a new deadline applies only once a coordinator accepts: requests come with "Accept" and "Keep the deadline".
roadmap-approval-off = From now on a postponement applies at once, and the coordinators are told.
roadmap-report-button = Region report at a date
roadmap-report-ask-date = For what date should I make the report? For example: 01.12.2026.
roadmap-report-today = As of today
roadmap-report-date-invalid = I did not get the date. Write it like this: 01.12.2026.
roadmap-report-ready = The road-map report as of { $date }: { $count ->
    [one] { $count } municipality
   *[other] { $count } municipalities
}, by section and by responsible body.
roadmap-report-sheet-sections = By section
roadmap-report-sheet-bodies = By responsible body
col-municipality = Municipality
col-items = Items
col-status-done = Done
col-status-overdue = Overdue
col-status-open = In progress
col-status-unknown = Deadline unclear
cmd-roadmap = road map

## Weekly digest
digest-heading = The week's digest: { $from } — { $to }
digest-fell-due = Road-map deadlines this week: { $count }, done: { $done }.
digest-overdue = Overdue items: { $count }.
digest-surveys = Surveys (answered / asked):
digest-no-surveys = No open surveys.
digest-seminars = Seminars in the coming week:
digest-no-seminars = No seminars in the coming week.
digest-going = registered: { $count }
digest-ask-weekday = On which day should the weekly digest come?
digest-ask-hour = At what time (local)?
digest-saved = I will send the digest on { $weekday }s at { $hour }:00.
weekday-1 = Monday
weekday-2 = Tuesday
weekday-3 = Wednesday
weekday-4 = Thursday
weekday-5 = Friday
weekday-6 = Saturday
weekday-7 = Sunday
cmd-digest = when to send the weekly digest

## Survey builder
builder-ask-title = What shall we call the survey?
builder-title-invalid = The title should be 3 to 200 characters.
builder-ask-anonymous = Named or anonymous answers?
builder-named = Named
builder-anonymous = Anonymous
builder-ask-level = Who answers?
builder-level-person = Each person for themselves
builder-level-school = One answer per school
builder-ask-type = Questions so far: { $count }. Which question shall we add?
builder-type-single = One option
builder-type-multiple = Several options
builder-type-scale = Scale
builder-type-number = Number
builder-type-yesno = Yes / no
builder-type-text = Text
builder-type-date = Date
builder-finish = Done, save it
builder-too-many = A survey can have at most { $max ->
    [one] { $max } question
   *[other] { $max } questions
}.
builder-ask-text = Write the question.
builder-text-invalid = The question should be 3 to 1000 characters.
builder-ask-options = Write the options separated by semicolons, for example: Yes; Rather yes; No.
builder-options-invalid = 2 to 12 options are needed, each up to 40 characters, separated by semicolons.
builder-ask-scale = Write the scale as "from-to", for example 1-5 (at most 11 points).
builder-ask-range = Write the allowed values as "from-to", for example 0-500.
builder-ask-required = Is the question required?
builder-required = Required
builder-optional = May be skipped
builder-saved = The survey is saved. Now let us choose whom to ask.
cmd-newsurvey = build a survey step by step

## Audit log
audit-heading = Audit log ({ $count ->
    [one] the latest entry
   *[other] the latest { $count } entries
}):
audit-empty = The log is empty so far.
audit-system = the system
audit-erased = an erased participant
audit-export = Download the log (XLSX)
audit-exported = The log is exported: { $count ->
    [one] { $count } entry
   *[other] { $count } entries
}.
audit-sheet = Log
audit-col-who = Who
audit-col-what = What
audit-col-details = Details
audit-invite-created = invite created
audit-role-granted = role granted
audit-people-imported = people imported
audit-schools-imported = schools imported
audit-assignment-created = assignment
audit-broadcast-sent = broadcast
audit-broadcast-stopped = broadcast stopped
audit-seminar-announced = seminar announced
audit-seminar-cancelled = seminar cancelled
audit-seminar-changed = seminar changed
audit-survey-launched = survey launched
audit-survey-closed = survey closed early
audit-survey-extended = survey extended
audit-export-personal-data = export of personal data
audit-roadmap-imported = road map loaded
audit-person-forgotten = a participant withdrew consent; their data was erased
audit-backup-restored = database restored from a backup
audit-retention-applied = anonymised and erased by the retention periods
cmd-audit = audit log

## Retention
retention-notice = In { $days ->
    [one] { $days } day
   *[other] { $days } days
}, by the data retention periods: answers of { $rounds ->
    [one] { $rounds } survey round
   *[other] { $rounds } survey rounds
} ({ $answers ->
    [one] { $answers } answer
   *[other] { $answers } answers
}) will be anonymised and the data of { $people ->
    [one] { $people } inactive participant
   *[other] { $people } inactive participants
} erased: { $names }. If any of them still works with you, ask them to write to the bot — then their data stays.

# anonymous surveys
survey-schools-together = Other schools together (small groups are not shown apart)
export-texts-sheet = Free-text answers
col-question = Question
col-answer = Answer
survey-too-few = { $count ->
    [one] { $count } answer
   *[other] { $count } answers
} so far. The answers of an anonymous survey are shown once there are at least { $min }: with fewer, a person could be recognised.


# surveys over time: change across rounds, last time's answers, a school head's view
trend-button = Change over time
trend-title = 📈 Change over time: “{ $title }”
trend-rounds = Rounds:
trend-stage-entry = entry
trend-stage-intermediate = intermediate
trend-stage-final = final
trend-open = (still taking answers)
trend-all-schools = All schools
trend-question = Question { $n } of { $total }: { $text }
trend-kind-mean = Mean by school:
trend-kind-share = Share of answers by school:
trend-too-few = too few answers
trend-points = pp
trend-legend = “—” and “too few answers”: fewer than { $min } { $min ->
    [one] answer
   *[other] answers
} (or they could be worked out from the totals), not shown so that nobody can be recognised.
trend-legend-schools = “—”: the school did not answer.
trend-legend-absent = “·”: the round did not ask this question.
trend-no-answer = no answers
trend-anonymous = An anonymous survey: only totals are compared; nothing links a person's answers across rounds.
trend-more-in-xlsx = …and { $count } more { $count ->
    [one] school
   *[other] schools
}: see the XLSX, sheet “Change over time”.
trend-previous = ‹ Back
trend-next = Next ›
trend-chart = Chart
trend-single-round = Nothing to compare yet: this is the survey's first round. The change shows after the next one.
trend-nothing-to-compare = The rounds share no question that can be compared (scales, numbers, options).
trend-chart-empty = No figures for a chart yet: everywhere fewer than { $min } { $min ->
    [one] answer
   *[other] answers
}.
trend-sheet = Change over time
trend-col-figure = Figure
trend-col-change = Change (first → last)
trend-figure-mean = mean
trend-figure-share = { $option }, %
survey-prefill-offer = You answered this survey last time ({ $date }). Fill it in as last time? Each previous answer is shown, to keep or change.
survey-prefill-yes = Yes, as last time
survey-prefill-no = No, start afresh
survey-prefill-gone = The previous answers are no longer there — let's start afresh.
survey-prefill-was = Last time: { $answer }
survey-prefill-keep = Keep
school-view-list = Your school's results:
school-view-round = Round: { $label }
school-view-mean = mean { $mean }
school-view-too-few = Answers from your school: { $count }. Figures are shown from { $min }, so that nobody can be recognised by their answers.
school-view-withheld = Your school's figures are not shown yet: other schools have too few answers, and the totals would give theirs away. They will show once more answers come in.
school-view-texts = Free-text answers are seen by the coordinator.
school-view-not-answered = The school has not answered this survey yet.

# code attempts
code-attempts-locked = Too many wrong tries. Please try again in { $count } { $unit ->
    [hours] { $count ->
        [one] hour
       *[other] hours
    }
   *[minutes] { $count ->
        [one] minute
       *[other] minutes
    }
}.

# webhooks
file-unavailable = I could not fetch this file. Please send it again, as an ordinary attachment right in this chat.

# restore
restore-which-file = Which backup? npm run cli -- restore FILE (stop Opora first).
restore-error-unusable = The backup { $file } cannot be restored, nothing was changed: { $reason }
restore-error-in-use = Another process has the database { $database } open — Opora seems to be running. Stop it and try again; nothing was changed.
restore-error-failed-check = The restored database failed its integrity check: { $reason }
restore-previous-kept = The previous database, with every change committed to it, is kept as { $previous }.
restore-erasures-replayed = Erasures made after the backup was taken and carried out again now: { $count }.
restore-erasures-unreadable = The erasure log of the previous database could not be read ({ $reason }): erasures made after the backup was taken were not carried out again — check the audit log and repeat them by hand.
restore-done = Restored { $file } into { $database }; integrity check passed.
backup-cli-done = Backup taken and checked: { $path }
retention-cli-rounds = Survey rounds whose answers will be anonymised: { $rounds } ({ $answers ->
    [one] { $answers } answer
   *[other] { $answers } answers
}).
retention-cli-people = Inactive people whose data will be erased: { $count }.
retention-cli-dry-run = Dry run: nothing was changed. Add --apply to carry it out.
retention-cli-done = Done.

# documents
document-limit-unpacked = The file is too big once unpacked: more than { $mb } MB. Please send a smaller file or split it.
document-limit-ratio = The file is packed suspiciously tightly: one of its parts unpacks to more than { $ratio ->
    [one] { $ratio } time
   *[other] { $ratio } times
} its size. I do not open such archives; please save the file again in Excel or Word and resend it.
document-limit-entries = The file has too many parts inside: more than { $entries }. Please save it again in Excel or Word and resend it.
document-limit-rows = The table has more than { $rows ->
    [one] { $rows } row
   *[other] { $rows } rows
}, more than I read at once. Please split it.
document-limit-cells = The table has more than { $cells ->
    [one] { $cells } cell
   *[other] { $cells } cells
}, more than I read at once. Please remove extra columns or split the table.
document-limit-cell-length = One of the cells has more than { $chars ->
    [one] { $chars } character
   *[other] { $chars } characters
}. Please shorten it and resend the file.
document-limit-text = The document has more than { $chars ->
    [one] { $chars } character
   *[other] { $chars } characters
} of text, more than I read at once. Please send just the table you need.
document-limit-time = I could not read the file within { $seconds ->
    [one] { $seconds } second
   *[other] { $seconds } seconds
}: it is too complex. Please simplify or split it and resend.
document-limit-memory = The file is too complex: reading it needs more than { $mb } MB of memory. Please split it.

# admin command line
cli-usage =
    Opora admin command line

      npm run cli -- invite --role ROLE --municipality NAME [--school NAME] [--uses N] [--days N] [--region NAME] [--timezone ZONE] [--json]
          Creates an invite; the municipality is created if it does not exist yet.
          ROLE is one of: { $roles }. Prints the code on the last line.
      npm run cli -- import FILE --municipality NAME [--dry-run] [--json]
          Imports schools or people from an XLSX or CSV file.
      npm run cli -- seminar --municipality NAME --title TITLE --at "DD.MM.YYYY HH:MM" --place PLACE [--format in_person|online] [--capacity N] [--series NAME] [--minutes N] [--role ROLE]... [--school NAME]... [--urgent] [--json]
          Announces a seminar to its audience (everyone in the municipality by default).
      npm run cli -- broadcast --municipality NAME --text TEXT [--role ROLE]... [--school NAME]... [--urgent] [--json]
          Queues an announcement; a running Opora delivers it. Prints the broadcast id.
      npm run cli -- roadmap import FILE --municipality NAME --year YYYY [--school NAME] [--dry-run] [--json]
          Reads a road map from DOCX, XLSX, CSV/TSV or text; --json prints the items and their schedules.
      npm run cli -- survey templates
      npm run cli -- survey import FILE --municipality NAME
      npm run cli -- survey launch (--template KEY | --survey ID) --municipality NAME [--days N] [--role ROLE]... [--school NAME]...
      npm run cli -- survey export ROUND --out FILE.xlsx|FILE.csv
          Surveys from JSON or YAML files, rounds and exports.
      npm run cli -- settings --municipality NAME [--confirm-consultations on|off] [--mentor-max-schools N] [--consultation-edit-days N] [--survey-min-group N] [--timezone ZONE]
          A municipality's own settings; prints them all.
      npm run cli -- backup [--out DIR]
          Takes an online backup (safe while Opora runs) and checks its integrity. Prints its path last.
      npm run cli -- restore FILE
          Checks a backup, puts it in place of the database and checks the result; refuses while Opora runs (stop it first). The old file is kept beside it, and the erasures recorded since the backup are carried out again.
      npm run cli -- retention [--apply]
          Shows what the retention periods anonymise and erase; --apply carries it out, in short transactions a running Opora does not wait on.
      npm run cli -- seed-demo
          Adds the demo municipality used by the terminal playground.
cli-unknown-command = Unknown command "{ $command }".
cli-option-required = { $option } is required.
cli-option-values = { $option } is one of: { $values }.
cli-range = { $option } must be a whole number from { $min } to { $max }.
cli-positive = { $option } must be a positive whole number.
cli-municipality-not-found = Municipality "{ $name }" not found.
cli-municipality-create-first = Municipality "{ $name }" not found; create it with the invite command first.
cli-school-not-found = School "{ $school }" not found.
cli-roles-unknown = Unknown { $count ->
    [one] role
   *[other] roles
}: { $roles }; use { $allowed }.
cli-which-file = Which file? { $usage }
cli-dry-run = Dry run: nothing was written.
cli-invite-created = Invite for { $role } in { $scope }; { $uses ->
    [one] { $uses } use
   *[other] { $uses } uses
}, valid until { $until }.
cli-invite-send = Send the bot: /start { $code }
cli-demo-added = Demo municipality added.
cli-demo-exists = Demo municipality exists already.
cli-broadcast-queued = Broadcast queued for { $count ->
    [one] { $count } recipient
   *[other] { $count } recipients
}; a running Opora sends it.
cli-seminar-at-invalid = --at "{ $at }" is not a future local date and time such as "25.12.2026 15:00".
cli-seminar-announced = Seminar announced to { $count ->
    [one] { $count } recipient
   *[other] { $count } recipients
}; attendance code { $code }.
cli-year-invalid = --year must be a year such as 2024.
cli-roadmap-usage = Usage: npm run cli -- roadmap import FILE --municipality NAME --year YYYY [--school NAME] [--columns title=2,deadline=4,responsible=3,number=1] [--dry-run] [--json]
cli-roadmap-needs-columns = I could not tell which column of the table is which. The first rows, columns numbered:
cli-roadmap-columns-hint = Say which column holds the activities, the deadlines, the responsible and, if any, the item numbers (counting from 1), for example:
    npm run cli -- roadmap import FILE --columns title=2,deadline=4,responsible=3,number=1
cli-roadmap-columns-invalid = I could not read --columns "{ $value }": it needs at least the activities column, each column once, numbered from 1. For example:
    npm run cli -- roadmap import FILE --columns title=2,deadline=4,responsible=3,number=1
cli-import-usage = npm run cli -- import FILE --municipality NAME
cli-survey-usage =
    Usage:
      npm run cli -- survey import FILE --municipality NAME
      npm run cli -- survey launch (--template KEY | --survey ID) --municipality NAME [--days N] [--role ROLE]... [--school NAME]...
      npm run cli -- survey export ROUND --out FILE.xlsx|FILE.csv
      npm run cli -- survey templates
cli-survey-stored = Survey "{ $title }" stored with { $count ->
    [one] { $count } question
   *[other] { $count } questions
}.
cli-survey-template-invalid = --template must be one of: { $templates }; or --survey ID.
cli-round-launched = Round launched; { $count ->
    [one] { $count } invitation
   *[other] { $count } invitations
} queued.
cli-round-not-found = Round "{ $round }" not found.
cli-export-out = --out FILE.xlsx or FILE.csv is required.
cli-timezone-invalid = { $zone } is not an IANA time zone, such as Europe/Moscow.

# audit log in words
audit-text-invite-created = invite: { $role }, { $scope }, { $uses ->
    [one] { $uses } use
   *[other] { $uses } uses
}
audit-text-role-granted = role "{ $role }" granted: { $name }
audit-text-people-imported = people imported: { $created } new, { $updated } updated, { $unchanged } unchanged
audit-text-schools-imported = schools imported: { $created } new, { $updated } updated, { $unchanged } unchanged
audit-text-assignment-created = assignment: { $kind }
audit-kind-mentor_school = mentor of a school
audit-kind-tutor_teacher = tutor of a teacher
audit-kind-school_pair = pair of schools
audit-text-assignment-replaced = replaced { $count } earlier
audit-text-broadcast-stopped = broadcast stopped, { $count ->
    [one] { $count } message
   *[other] { $count } messages
} not sent
audit-text-broadcast-sent = broadcast to { $recipients ->
    [one] { $recipients } recipient
   *[other] { $recipients } recipients
}, { $urgent ->
    [yes] urgent
   *[no] not urgent
}
audit-text-seminar-cancelled = seminar "{ $title }" cancelled: { $recipients ->
    [one] { $recipients } participant told
   *[other] { $recipients } participants told
}
audit-text-seminar-changed = seminar "{ $title }" changed ({ $field ->
    [title] title
    [startsAt] date and time
    [place] place
    [capacity] number of places
    [leads] reminders
   *[other] details
}): { $recipients ->
    [one] { $recipients } participant told
   *[other] { $recipients } participants told
}
audit-text-seminar-announced = seminar "{ $title }" announced to { $recipients ->
    [one] { $recipients } recipient
   *[other] { $recipients } recipients
}
audit-text-survey-launched = survey "{ $title }" launched for { $recipients ->
    [one] { $recipients } person
   *[other] { $recipients } people
}
audit-text-survey-closed = survey "{ $title }" closed early, answered: { $answered } of { $total }
audit-text-survey-extended = survey "{ $title }" extended until { $until }
audit-text-export = personal data exported: { $what ->
    [consultations] consultations
    [audit] audit log
    [roadmap] road map
    [survey] survey answers
    [invites] invites
    [broadcast] broadcast read report
   *[other] data
}
audit-text-export-rows = { $count ->
    [one] { $count } row
   *[other] { $count } rows
}
audit-text-roadmap-imported = road map imported: { $created ->
    [one] { $created } new item
   *[other] { $created } new items
}, { $updated } updated, { $removed } removed
audit-text-backup-restored = database restored from the backup "{ $file }", erasures replayed: { $replayed }
audit-text-retention-applied = by the retention periods: answers of { $rounds ->
    [one] { $rounds } survey round
   *[other] { $rounds } survey rounds
} anonymised, data of { $people ->
    [one] { $people } person
   *[other] { $people } people
} erased
audit-text-via-cli = from the command line
audit-text-file = file "{ $file }"
audit-scope-municipality = the whole municipality
audit-unknown = action "{ $action }"
