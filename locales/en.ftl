# English — the second locale.

## General
error-internal = Sorry, something went wrong. We are looking into it — please try again a little later.
error-forbidden = This action is not available to you. If that is a mistake, please write to your coordinator.
unknown-command = I don't know the command { $command }. See /help for the list.
not-understood = I didn't quite get that. See /help for the list of commands.
file-not-expected = Thank you, but I am not expecting a file right now. See /help.
text-too-long = That message is too long: I read at most { $max } characters. Please shorten it.
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
playground-intro = Opora playground: the same bot as in Telegram and VK, in the terminal. You are writing as { $name } ({ $role }).
playground-hint = Type commands such as /start or /help. Buttons are numbers: type "1" to press the first. ":who" switches the user, ":quit" exits.
playground-choose-person = Who are you writing as?
playground-outbox = Notification for { $name }:

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
