# Русский — язык по умолчанию для всего, что видят пользователи.

## Общее
error-internal = Простите, что-то пошло не так. Мы уже разбираемся — попробуйте, пожалуйста, ещё раз чуть позже.
error-forbidden = Это действие вам недоступно. Если это ошибка, напишите своему координатору.
unknown-command = Я не знаю команды { $command }. Список команд — /help.
not-understood = Я не совсем понял. Список команд — /help.
file-not-expected = Спасибо, но сейчас я не жду файла. Список команд — /help.
text-too-long = Сообщение слишком длинное: я читаю не больше { $max ->
    [one] { $max } символа
    [few] { $max } символов
   *[other] { $max } символов
}. Сократите его, пожалуйста.
stale-button = Эта кнопка уже не действует.

## Диалоги
dialog-stale-button = Эта кнопка устарела — ответьте на последний вопрос.
dialog-expired = Предыдущий диалог истёк, я его закрыл. Начните заново нужной командой.
dialog-changed = Этот диалог обновился, пока вы отвечали. Начните, пожалуйста, заново.
dialog-choose-button = Выберите, пожалуйста, один из вариантов кнопкой или его номером.
cancelled = Хорошо, отменил.
nothing-to-cancel = Отменять нечего.

## Приветствие и язык
choose-language = Выберите язык / Choose your language
choose-language-again = Не понял выбор. Нажмите «Русский» или «English».
language-set = Готово, буду писать по-русски.
greeting-new = Здравствуйте! Я «Опора» — помощник программы поддержки школ. Помогаю с опросами, семинарами, консультациями и дорожной картой.
greeting-known = Здравствуйте, { $name }! Я «Опора» — помощник программы поддержки школ.
commands-heading = Что я умею:
help-intro = Вот команды, которые вам доступны:

## Команды
cmd-start = начать и выбрать язык
cmd-help = список команд
cmd-language = сменить язык
cmd-cancel = прервать текущий диалог

## Конфигурация и запуск
playground-intro = Песочница «Опоры»: тот же бот, что в Telegram, VK и MAX, но в терминале. Вы пишете от имени { $name } ({ $role }).
playground-hint = Пишите команды, например /start или /help. Кнопки — это номера: введите «1», чтобы нажать первую. «:file путь» — отправить файл с диска (после пути можно подпись), «:time» — часы песочницы, «:who» — сменить пользователя, «:help» — эта подсказка, «:quit» — выход.
playground-choose-person = От чьего имени писать?
playground-outbox = Уведомление для { $name }:
playground-file-saved = { $name } ({ $size }) сохранён: { $path }
playground-file-usage = Напишите путь к файлу после «:file», например «:file demo/schools.csv». После пути можно добавить подпись.
playground-file-missing = Файл «{ $path }» не найден. Путь можно написать полностью или от папки, где запущена песочница.
playground-held = { $count ->
    [one] { $count } уведомление придёт
    [few] { $count } уведомления придут
   *[other] { $count } уведомлений придут
} в { $at } (тихие часы или время напоминания). Чтобы увидеть сейчас, переведите часы: «:time { $arg }».
playground-time-now = Часы песочницы: { $now } ({ $zone }).
playground-time-next = Ближайшее отложенное уведомление — в { $at }: «:time { $arg }» или «:time next».
playground-time-nothing = Отложенных уведомлений нет.
playground-time-usage = Перевести часы вперёд: «:time +2h», «:time +1d», «:time 08:00», «:time 03.12 09:00», «:time next» — к ближайшему уведомлению.
playground-time-moved = Часы переведены: { $now }.
playground-time-forward = Часы идут только вперёд, а сейчас уже { $now }.
playground-time-fixed = Здесь часы песочницы не переводятся.

## Роли
role-coordinator = координатор
role-curator = куратор
role-mentor = наставник
role-tutor = тьютор
role-school_admin = администрация школы
role-teacher = педагог

## Числа
people-count = { $count ->
    [one] { $count } человек
    [few] { $count } человека
   *[other] { $count } человек
}

## Приветствие для новых людей и общие ошибки
greeting-need-invite = Чтобы присоединиться, отправьте код приглашения от вашего координатора (или откройте ссылку-приглашение).
error-not-registered = Сначала нужно присоединиться: отправьте код приглашения от координатора.

## Выбор из списка
pick-more = Показаны первые { $shown } из { $total }. Напишите часть названия или фамилии, чтобы найти нужное.
pick-empty = Список пока пуст.
pick-type-name = Выберите кнопкой или напишите часть названия.
pick-nothing-found = Не нашёл ничего по запросу «{ $text }». Попробуйте иначе.

## Приглашения и присоединение
invite-unknown = Такого кода приглашения нет. Проверьте его или попросите новый у координатора.
invite-expired = Срок этого приглашения истёк. Попросите у координатора новое.
invite-used = Это приглашение уже использовано. Попросите у координатора новое.
invite-revoked = Это приглашение отозвано. Попросите у координатора новое.
invite-for-someone-else = Это приглашение адресовано другому человеку, а этот аккаунт уже зарегистрирован.
invite-already-joined = Вы уже зарегистрированы с этой ролью. Список команд — /help.
consent-text =
    Согласие на обработку персональных данных (Федеральный закон № 152-ФЗ)

    Оператор: орган управления образованием — { $operator }.
    Цель: методическая поддержка школ — назначение наставников и тьюторов, опросы, семинары, учёт консультаций, дорожная карта.
    Какие данные: фамилия, имя и отчество; роль; школа; предметы; идентификатор в мессенджере; ваши ответы и записи в боте.
    Срок: до отзыва согласия.
    Как отозвать: команда /forget — ваши данные будут удалены, останутся только обезличенные итоги.

    Нажимая «Согласен(на)», вы даёте согласие на обработку этих данных.
consent-agree = Согласен(на)
consent-decline = Не согласен(на)
join-role-offer = Вам предлагают новую роль: { $role } ({ $scope }). Она появится, только если вы согласитесь.
join-lower-role = Вы уже в «Опоре» как { $current }. Это приглашение добавит вам ещё роль «{ $role }» ({ $scope }) — обычно такие приглашения пересылают коллегам. Добавить эту роль вам?
join-lower-role-yes = Да, добавить роль
join-lower-role-no = Нет, оставить как есть
join-lower-role-kept = Хорошо, оставил всё как есть. Приглашение не потрачено — его можно переслать коллеге.
consent-declined = Хорошо, я ничего не сохранил. Если передумаете, снова отправьте код приглашения.
join-ask-name = Как вас зовут? Напишите фамилию, имя и отчество.
join-name-invalid = Напишите, пожалуйста, фамилию и имя (и отчество, если есть) — только буквы, например: Иванова Мария Петровна.
join-ask-school = В какой школе вы работаете?
join-ask-subjects = Какие предметы вы ведёте? Отметьте все и нажмите «Готово».
join-subjects-done = Готово
join-subjects-none = Отметьте хотя бы один предмет.
joined = Готово, вы присоединились к «Опоре» как { $role }.
joined-notice = Новый участник по вашему приглашению: { $name } — { $role }, { $school }.

## Второй мессенджер
link-need-registration = Сначала присоединитесь по коду приглашения, потом можно будет подключить второй мессенджер.
link-code = Откройте «Опору» в другом мессенджере и отправьте там: /link { $code }
    Код действует { $minutes ->
        [one] { $minutes } минуту
        [few] { $minutes } минуты
       *[other] { $minutes } минут
    }.
link-already = Этот аккаунт уже связан с профилем { $name }.
link-bad-code = Код не подошёл: он неверный, уже использован или истёк. Получите новый командой /link в первом мессенджере.
link-done = Готово! Этот аккаунт связан с профилем { $name }.

## Отзыв согласия
forget-confirm = Удалить ваши персональные данные из «Опоры»? Имя и связь с мессенджерами будут стёрты, назначения завершены. Останутся только обезличенные итоги. Это нельзя отменить.
forget-yes = Да, удалить мои данные
forget-no = Нет, оставить
forget-kept = Хорошо, ничего не удаляю.
forget-done = Ваши данные удалены. Спасибо за участие! Если захотите вернуться, попросите у координатора новое приглашение.
forget-nothing = У нас нет ваших данных — удалять нечего.
forget-vacant = Участник ({ $roles }, { $school }) отозвал согласие и покинул «Опору». Место свободно — можно назначить другого человека.

## Создание приглашений
invite-ask-role = Кого приглашаем?
invite-ask-scope = Для какой школы приглашение? Или для всего муниципалитета — тогда человек сам выберет школу.
invite-scope-municipality = Весь муниципалитет
invite-ask-uses = Приглашение для одного человека или для группы?
invite-uses-one = Для одного человека
invite-uses-group = Для группы (до { $count })
invite-ready = Приглашение готово: { $role }, { $scope }. Действует до { $until }, использований: { $uses }.
invite-code = Код: { $code } — его можно просто отправить боту.

## Назначения
assign-ask-kind = Что назначаем?
assign-kind-mentor_school = Наставника школе
assign-kind-tutor_teacher = Тьютора педагогу
assign-kind-school_pair = Пару школ (лидер и партнёр)
assign-ask-mentor = Кто будет наставником?
assign-ask-school = Какой школе?
assign-ask-teacher = Какому педагогу нужен тьютор?
assign-ask-tutor = Кто будет тьютором?
assign-ask-subject = По какому предмету?
assign-ask-leader = Какая школа — лидер (или эффективная)?
assign-ask-partner = С какой школой её связать?
assign-own-school = Наставник не может вести свою собственную школу. Выберите другую школу или другого наставника.
assign-same-school = Школа не может быть в паре сама с собой.
assign-mentor-overloaded = У наставника будет { $count ->
    [one] { $count } школа
    [few] { $count } школы
   *[other] { $count } школ
} — больше рекомендованных { $max }.
assign-subject-mismatch = Тьютор не указал предмет «{ $subject }» среди своих.
assign-summary-mentor = Наставник: { $mentor } → школа: { $school }
assign-summary-tutor = Тьютор: { $tutor } → педагог: { $teacher }, предмет: { $subject }
assign-summary-pair = Школа-лидер: { $leader } ↔ школа-партнёр: { $partner }
assign-confirm-question = Назначить?
assign-confirm = Назначить
assign-cancel = Отмена
assign-saved = Назначено. { $summary }
    Обе стороны получат уведомление.
assign-invalid = Не получилось: данные для назначения изменились. Начните заново — /assign.
assign-notice-mentor = Вы назначены наставником школы «{ $school }». Администрация школы: { $admins }.
assign-notice-school = Вашей школе назначен наставник: { $mentor }.
assign-notice-tutor = Вы назначены тьютором: { $teacher }, предмет — { $subject }.
assign-notice-teacher = Вам назначен тьютор: { $tutor }, предмет — { $subject }.
assign-notice-pair = Ваша школа теперь в паре со школой «{ $other }».

## Мои назначения
my-heading = Ваши назначения:
my-nothing = У вас пока нет назначений. Когда координатор назначит вас, я сообщу.
my-mentor-school = наставник школы «{ $school }» (с { $since })
my-tutor-teacher = тьютор: { $teacher }, { $subject } (с { $since })
my-teacher-tutor = ваш тьютор: { $tutor }, { $subject } (с { $since })
my-school-mentor = наставник школы: { $mentor } (с { $since })
my-school-pair = школа в паре: «{ $school }» (с { $since })
my-coordinator-summary = Поддерживаемых школ: { $schools }. Назначено наставников: { $mentors }, тьюторов: { $tutors }, пар школ: { $pairs }.
my-unassigned-schools = Школ без наставника: { $count }.
my-all-schools-assigned = У всех поддерживаемых школ есть наставник.
my-unassigned-teachers = Педагогов без тьютора: { $count }.
my-all-teachers-assigned = У всех педагогов поддерживаемых школ есть тьютор.
my-and-more = …и ещё { $count } — они появятся здесь, когда вы назначите первых.
my-button-mentor = Наставник → { $school }
my-button-tutor = Тьютор → { $teacher }

## Импорт
import-ask-file = Пришлите файл XLSX или CSV со списком школ или людей. Для школ нужны колонки «Наименование» (и, если есть, «Краткое название», «Статус»), для людей — «ФИО», «Роль», «Школа», «Предметы».
import-need-file = Я жду файл — пришлите, пожалуйста, XLSX или CSV. /cancel — отменить.
import-file-too-big = Файл слишком большой: принимаю до 5 МБ. Разбейте список на части.
import-file-type = Этот формат я не читаю. Пришлите XLSX или CSV.
import-file-corrupt = Не получается прочитать файл: похоже, он повреждён. Сохраните его заново и пришлите ещё раз.
import-file-empty = В файле нет ни одной строки с данными.
import-no-header = Не нашёл строку заголовков: для школ нужна колонка «Наименование», для людей — «ФИО», «Роль» и «Школа». В начале файла вижу: { $found }.
import-found-nothing = ни одного заголовка
import-missing-columns = Похоже, это список { $kind ->
    [people] людей
   *[schools] школ
}, но в нём нет { $count ->
    [one] колонки
    [few] колонок
   *[other] колонок
} { $missing }. Колонки в файле: { $found }. Добавьте { $count ->
    [one] её
    [few] их
   *[other] их
} в строку заголовков и пришлите файл ещё раз — строки я пока не проверял.
import-kind-schools = школы
import-kind-people = люди
import-preview = Файл «{ $file }»: { $kind }, строк к импорту: { $rows }.
    Будет добавлено: { $created }, обновлено: { $updated }, без изменений: { $unchanged }.
import-problems = Не могу взять строк: { $count }.
import-line = строка { $line }
import-more-problems = …и ещё { $count }.
import-nothing = Импортировать нечего.
import-confirm = Импортировать
import-cancel = Отмена
import-cancelled = Импорт отменён, ничего не изменилось.
import-done = Импорт завершён. Добавлено: { $created }, обновлено: { $updated }, без изменений: { $unchanged }.
import-invites-file = Личные приглашения для { $count ->
    [one] { $count } человека
    [few] { $count } человек
   *[other] { $count } человек
} — перешлите каждому его ссылку или код.
import-invites-sheet = Приглашения
import-col-name = ФИО
import-col-school = Школа
import-col-role = Роль
import-col-code = Код
import-notice-offer = Координатор предлагает вам роль: { $role }. Чтобы принять, отправьте боту /start { $code } — я покажу, что изменится, и спрошу согласия. Если это ошибка, просто не отвечайте.
import-row-formula = ячейка начинается с «=», «+», «-» или «@» — похоже на формулу, такую строку не беру
import-row-no-name = пустое ФИО
import-row-no-school-name = пустое наименование школы
import-row-bad-name = «{ $name }» не похоже на ФИО
import-row-unknown-role = неизвестная роль «{ $role }»
import-row-role-not-allowed = { $role ->
    [curator] кураторов приглашает оператор «Опоры», а не импорт координатора
   *[other] эту роль нельзя назначить импортом
  }
import-row-unknown-school = школа «{ $school }» не найдена — сначала импортируйте школы
import-row-no-school = не указана школа
import-row-unknown-subject = неизвестный предмет «{ $subject }»
import-row-unknown-status = неизвестный статус «{ $status }»
import-row-duplicate = повторяет строку { $line }

## Команды (люди и назначения)
cmd-invite = пригласить участников
cmd-import = загрузить список школ или людей (XLSX, CSV)
cmd-link = подключить второй мессенджер
cmd-forget = удалить мои данные
cmd-my = мои назначения
cmd-assign = назначить наставника, тьютора или пару школ

## Предметы
subject-math = математика
subject-russian = русский язык
subject-literature = литература
subject-physics = физика
subject-chemistry = химия
subject-biology = биология
subject-history = история
subject-social = обществознание
subject-geography = география
subject-informatics = информатика
subject-english = английский язык
subject-primary = начальные классы
subject-other = другое

## Аудитории и мессенджеры
audience-everyone = Все участники
audience-supported = Сотрудники поддерживаемых школ
audience-teachers = Педагоги
audience-admins = Администрации школ
audience-helpers = Наставники и тьюторы
audience-reach = Получат: { $total } ({ $platforms }). Ещё не подключились: { $unreachable }.
platform-telegram = Telegram
platform-vk = VK
platform-console = песочница
platform-max = MAX
skip = Пропустить
announce-urgent = Срочно — отправить даже в тихие часы
push-held = Разошлю в { $time } (тихие часы).
push-send-now = Срочно — отправить сейчас
push-released = { $count ->
    [one] Отправляю сейчас: { $count } сообщение.
    [few] Отправляю сейчас: { $count } сообщения.
   *[other] Отправляю сейчас: { $count } сообщений.
}
push-nothing-held = Ждать уже нечего: всё отправлено или отправляется.

## Семинары
seminar-ask-title = Как называется семинар?
seminar-title-invalid = Название должно быть от 3 до 200 символов.
seminar-ask-when = Когда он пройдёт? Напишите дату и время по местному времени ({ $zone }), например: 25.12 15:00 или завтра 14:30.
seminar-when-invalid = Не понял дату и время или они уже прошли. Пример: 25.12 15:00.
seminar-ask-format = Как он пройдёт?
seminar-format-in_person = Очно
seminar-format-online = Онлайн
seminar-ask-address = Где? Напишите адрес.
seminar-ask-link = Пришлите ссылку на трансляцию или видеовстречу.
seminar-link-invalid = Нужна ссылка, которая начинается с http:// или https://.
seminar-address-invalid = Адрес должен быть от 3 до 300 символов.
seminar-ask-description = Пара слов о семинаре (или «Пропустить»).
seminar-ask-audience = Кого приглашаем? Выберите аудиторию или школу.
seminar-schools-chosen = Выбраны школы: { $schools }. Добавить ещё?
seminar-schools-done = Готово, дальше
seminar-ask-capacity = Сколько мест? Нажмите кнопку или напишите число.
seminar-no-limit = Без ограничения
seminar-capacity-invalid = Напишите число мест от 1 до 10000 или нажмите «Без ограничения».
seminar-ask-repeat = Семинар повторяется? Если да, выберите, как: это будет цикл занятий с одним объявлением.
seminar-series-none = Нет, отдельное событие
seminar-series-join = Занятие цикла «{ $title }»
seminar-ask-sessions = Сколько будет занятий? Нажмите кнопку, напишите число от 2 до 20 или дату последнего занятия, например 30.04.2027.
seminar-sessions-invalid = Напишите число занятий от 2 до 20 или дату последнего занятия, например 30.04.2027.
seminar-sessions-too-few = До этой даты помещается меньше двух занятий. Выберите дату позже или напишите число занятий.
seminar-sessions-too-many = Получается больше двадцати занятий — это слишком длинный цикл. Выберите дату раньше или напишите число.
seminar-when-passed = Время семинара уже прошло, пока мы договаривались. Начните заново — /seminar.
# Seminar series and reminder leads
series-rhythm-weekly = { $weekday ->
    [1] каждый понедельник
    [2] каждый вторник
    [3] каждую среду
    [4] каждый четверг
    [5] каждую пятницу
    [6] каждую субботу
   *[7] каждое воскресенье
}
series-rhythm-biweekly = раз в две недели, по { $weekday ->
    [1] понедельникам
    [2] вторникам
    [3] средам
    [4] четвергам
    [5] пятницам
    [6] субботам
   *[7] воскресеньям
}
series-rhythm-monthly-day = каждый месяц, { $day }-го числа
series-rhythm-monthly-weekday = { $weekday ->
    [1] каждый { $nth ->
        [first] первый
        [second] второй
        [third] третий
        [fourth] четвёртый
       *[last] последний
    } понедельник месяца
    [2] каждый { $nth ->
        [first] первый
        [second] второй
        [third] третий
        [fourth] четвёртый
       *[last] последний
    } вторник месяца
    [3] каждую { $nth ->
        [first] первую
        [second] вторую
        [third] третью
        [fourth] четвёртую
       *[last] последнюю
    } среду месяца
    [4] каждый { $nth ->
        [first] первый
        [second] второй
        [third] третий
        [fourth] четвёртый
       *[last] последний
    } четверг месяца
    [5] каждую { $nth ->
        [first] первую
        [second] вторую
        [third] третью
        [fourth] четвёртую
       *[last] последнюю
    } пятницу месяца
    [6] каждую { $nth ->
        [first] первую
        [second] вторую
        [third] третью
        [fourth] четвёртую
       *[last] последнюю
    } субботу месяца
   *[7] каждое { $nth ->
        [first] первое
        [second] второе
        [third] третье
        [fourth] четвёртое
       *[last] последнее
    } воскресенье месяца
}
series-rhythm-none = цикл занятий
series-rhythm-line = Цикл: { $rhythm }, { $count ->
    [one] { $count } занятие
    [few] { $count } занятия
   *[many] { $count } занятий
}:
series-invitation = Приглашаем на цикл семинаров!
series-first-session = Ближайшее занятие:
series-cards-note = Ответьте про ближайшее занятие. Карточку каждого следующего пришлю отдельно, примерно за неделю до него.
series-next-card = Следующее занятие цикла «{ $title }» ({ $number } из { $count }). Придёте?
series-announced = Это цикл: { $count ->
    [one] { $count } занятие
    [few] { $count } занятия
   *[many] { $count } занятий
}. Карточка каждого следующего уйдёт сама, примерно за неделю до него.
series-calendar = 📎 Все занятия цикла «{ $title }» для календаря: откройте файл, и { $count ->
    [one] { $count } занятие появится
    [few] { $count } занятия появятся
   *[many] { $count } занятий появятся
} в вашем календаре.
series-calendar-cancel = 📎 Откройте файл, и отменённые занятия «{ $title }» уберутся из вашего календаря.
seminar-lead-10080 = за неделю
seminar-lead-1440 = за день
seminar-lead-180 = за 3 часа
seminar-lead-60 = за час
seminar-lead-15 = за 15 минут
seminar-leads-none = без напоминаний
seminar-leads-line = 🔔 Напоминания пришедшим и «возможно»: { $leads }
seminar-leads-change = 🔔 Настроить напоминания
seminar-ask-leads = Когда напоминать тем, кто ответил «Приду» или «Возможно»? Нажмите, чтобы включить или выключить. Сейчас: { $leads }.
seminar-leads-done = Готово
seminar-cancel-ask-scope = «{ $title }» — занятие цикла. Что отменить?
seminar-scope-one = Только это занятие
seminar-scope-rest = Это и все следующие ({ $count })
seminar-cancel-rest-ask = Отменить { $count ->
    [one] { $count } занятие
    [few] { $count } занятия
   *[many] { $count } занятий
} цикла «{ $title }»? Каждый получит одно сообщение со всеми датами. Кому сообщить?
series-cancelled-notice = Занятия цикла «{ $title }» отменены — { $count ->
    [one] не состоится { $count } занятие
    [few] не состоятся { $count } занятия
   *[many] не состоятся { $count } занятий
}:
{ $dates }
Простите за изменение планов — о новых семинарах сообщу.
series-cancelled-done = Отменено { $sessions ->
    [one] { $sessions } занятие
    [few] { $sessions } занятия
   *[many] { $sessions } занятий
} цикла «{ $title }». { $count ->
    [0] Сообщать было некому.
    [one] Сообщу { $count } человеку, одним сообщением.
    [few] Сообщу { $count } людям, каждому одним сообщением.
   *[other] Сообщу { $count } людям, каждому одним сообщением.
}
seminar-edit-ask-scope = Это занятие цикла. Изменить только его или и все следующие?
seminar-field-leads = Напоминания ({ $leads })
seminar-leads-saved = Готово: напоминания — { $leads }. { $count ->
    [one] Касается этого занятия.
    [few] Касается { $count } занятий.
   *[many] Касается { $count } занятий.
} Напоминание, время которого уже прошло, не придёт.
series-changed-rest = Это касается { $count ->
    [one] { $count } занятия
    [few] { $count } занятий
   *[many] { $count } занятий
} цикла:
{ $dates }
seminars-series-line = 🔁 { $title } — { $rhythm }, ближайшее { $next }
seminars-series-line-past = 🔁 { $title } — { $rhythm }, последнее { $next }
seminar-series-of = 🔁 Цикл: { $rhythm }, занятие { $number } из { $count }
seminar-series-xlsx = XLSX цикла
seminar-not-series = Это отдельный семинар, не цикл.
series-exported = Посещаемость и отзывы цикла «{ $title }»: строка на человека, столбец на занятие.
series-export-columns = ФИО|Школа
series-export-total = Пришли (занятий)
series-export-came = пришёл
series-export-came-rated = пришёл, оценка { $rating }
series-export-cancelled = отменено
series-export-sessions = Занятия
series-export-session-columns = Занятие|Записались|Пришли|Отзывов|Средняя оценка
series-export-summary-columns = Школа|Приглашено|Пришли хотя бы раз|Посещений|В среднем на занятии|Средняя оценка
seminar-confirm-question = Объявить?
seminar-announce = Объявить
seminar-announced = Отправляю объявление { $count ->
    [one] { $count } получателю
    [few] { $count } получателям
   *[other] { $count } получателям
}. Код для отметки присутствия на семинаре: { $code }. Список и отметки — /seminars.
seminar-invitation = Приглашаем на семинар!
seminar-when = 🕒 { $when } (по местному времени), { $minutes } мин
seminar-online = 💻 Онлайн: { $link }
seminar-in-person = 📍 Очно: { $address }
seminar-capacity = Мест: { $capacity }
seminar-gone = Этот семинар отменён или удалён.
seminar-started = Семинар уже начался — отвечать поздно.
seminar-cancelled = Семинар отменён.
seminar-cancel = Отменить семинар
seminar-cancel-ask = Отменить семинар «{ $title }»? Кому сообщить об отмене?
seminar-tell-answered = Ответившим «Приду» и «Возможно» ({ $count })
seminar-tell-all = Всем приглашённым ({ $count })
seminar-cancel-keep = Не отменять
seminar-cancelled-already = Этот семинар уже отменён.
seminar-materials = Разослать материалы
seminar-materials-too-early = Материалы рассылаются после семинара.
seminar-materials-ask = Пришлите файл с материалами или ссылку на них.
seminar-materials-invalid = Нужен файл или ссылка, которая начинается с http:// или https://.
seminar-materials-ask-who = Кому отправить { $what }?
seminar-materials-came = Тем, кто пришёл ({ $count })
seminar-materials-missed = Приглашённым, кто не пришёл ({ $count })
seminar-materials-keep = Не отправлять
seminar-materials-notice-came = Спасибо, что были на семинаре «{ $title }»! Вот материалы.
seminar-materials-notice-missed = Материалы семинара «{ $title }» — если не получилось прийти, здесь главное.
seminar-materials-sent = Отправляю материалы: { $count ->
    [one] { $count } получателю
    [few] { $count } получателям
   *[other] { $count } получателям
}.
seminar-exported = Посещаемость и отзывы семинара «{ $title }».
seminar-export-people = Участники
seminar-export-schools = По школам
seminar-export-columns = ФИО|Школа|Приглашён|Ответ|Пришёл|Оценка|Отзыв
seminar-export-summary-columns = Школа|Приглашено|Ответили|Записались|Пришли|Отзывов|Средняя оценка
seminar-export-yes = да
seminar-export-no = нет
seminar-export-answer-going = Приду
seminar-export-answer-waitlisted = Приду (лист ожидания)
seminar-export-answer-maybe = Возможно
seminar-export-answer-no = Не смогу
seminar-export-came-code = да, по коду
seminar-export-came-coordinator = да, отметил координатор
seminar-calendar = 📎 «{ $title }» для календаря: откройте файл, и семинар появится в вашем календаре (или обновится там).
seminar-calendar-cancel = 📎 Откройте файл, и «{ $title }» уберётся из вашего календаря.
seminar-edit = Изменить
seminar-edit-started = Семинар уже начался — менять его поздно.
seminar-edit-ask-field = Что изменить?
seminar-field-title = Название
seminar-field-startsAt = Дату и время
seminar-field-place = Место или ссылку
seminar-field-capacity = Число мест
seminar-edit-now = Сейчас: { $value }
seminar-edit-ask-place = Напишите новый адрес.
seminar-edit-ask-who = Кому сообщить об изменении?
seminar-edit-nothing = Хорошо, ничего не меняю.
seminar-edit-done = Готово, семинар изменён. { $count ->
    [0] Сообщать было некому.
    [one] Сообщу { $count } человеку.
    [few] Сообщу { $count } людям.
   *[other] Сообщу { $count } людям.
}
seminar-edit-waitlisted = В лист ожидания перешли последние записавшиеся: { $count }. Я им сообщу.
seminar-changed-title = Семинар «{ $title }» теперь называется «{ $now }».
seminar-changed-startsAt = Семинар «{ $title }» перенесён: было { $was }, теперь { $now }. Напомню ближе к новому времени.
seminar-changed-place = У семинара «{ $title }» новое место: { $now } (было: { $was }).
seminar-changed-capacity = У семинара «{ $title }» изменилось число мест: было { $was }, теперь { $now }.
rsvp-moved-to-waitlist = На семинаре «{ $title }» стало меньше мест, и вы пока в листе ожидания. Сообщу, если место освободится.
seminar-cancelled-done = Семинар «{ $title }» отменён. { $count ->
    [0] Сообщать было некому.
    [one] Сообщу об отмене { $count } человеку.
    [few] Сообщу об отмене { $count } людям.
   *[other] Сообщу об отмене { $count } людям.
}
seminar-cancelled-notice = Семинар «{ $title }» ({ $when }) отменён. Простите за изменение планов — о новых семинарах сообщу.
rsvp-yes = Приду
rsvp-maybe = Возможно
rsvp-no = Не смогу
rsvp-status-going = ✅ Вы записаны.
rsvp-status-waitlisted = ⏳ Мест нет — вы в листе ожидания. Сообщу, если место освободится.
rsvp-status-maybe = 🤔 Отметил: возможно.
rsvp-status-no = Отметил: не сможете. Спасибо, что предупредили.
rsvp-counts = Придут: { $going } · возможно: { $maybe } · не смогут: { $no } · в листе ожидания: { $waitlisted }
rsvp-promoted = Освободилось место на семинаре «{ $title }» — вы записаны!
seminar-reminder-10080 = Напоминание: через неделю семинар «{ $title }» — { $when }. { $place }
seminar-reminder-1440 = Напоминание: завтра семинар «{ $title }» — { $when }. { $place }
seminar-reminder-180 = Через 3 часа начинается семинар «{ $title }» — { $when }. { $place }
seminar-reminder-60 = Через час начинается семинар «{ $title }» — { $when }. { $place }
seminar-reminder-15 = Через 15 минут начинается семинар «{ $title }» — { $when }. { $place }
seminar-nudge = Вы ещё не ответили, придёте ли на семинар «{ $title }». Ответьте, пожалуйста, — так проще готовить зал и материалы.
seminar-reminders-off-button = Не напоминать о семинарах
seminar-reminders-off-done = Хорошо, больше не напоминаю о семинарах. Об изменениях и отменах всё равно сообщу. Включить снова — кнопкой ниже или в /seminars.
seminar-reminders-on-done = Напоминания о семинарах снова включены.
seminar-reminders-on-switch = Напоминания: вкл. → выключить
seminar-reminders-off-switch = Напоминания: выкл. → включить
rsvp-reminders = 🔔 Напомню { $leads }.
rsvp-reminders-none = 🔕 Напоминаний по этому семинару не будет.
rsvp-reminders-off = 🔕 Напоминания о семинарах у вас выключены — включить можно в /seminars.
seminars-none = Семинаров на ближайшее время нет. Объявить — /seminar.
seminars-heading = Семинары — ближайшие и недавние:
seminars-invited-heading = { $count ->
    [one] Впереди { $count } семинар, куда вас пригласили:
    [few] Впереди { $count } семинара, куда вас пригласили:
   *[other] Впереди { $count } семинаров, куда вас пригласили:
}
seminars-invited-none = Впереди нет семинаров, куда вас пригласили. Предложить тему — /topic.
seminar-attended = Пришли: { $count }. Отзывов: { $feedback }, средняя оценка: { $average }.
seminar-code = Код для отметки присутствия: { $code }
seminar-going-list = Записались:
seminar-comments = Отзывы:
seminar-mark-attendance = Отметить присутствие
attendance-heading = «{ $title }»: нажмите на тех, кто пришёл. Отмечено: { $present }.
attendance-nobody = На этот семинар пока никто не записался.
attendance-confirmed = Спасибо! Отметил, что вы были на семинаре «{ $title }».
attendance-already = Вы уже отмечены на семинаре «{ $title }».
attendance-not-yet = Код верный, но отметка на семинаре «{ $title }» откроется { $opens } (по местному времени) — за час до начала. Пришлите код ещё раз, когда придёте.
attendance-bad-code = Код не подошёл. Проверьте его — он есть у ведущего семинара.
feedback-ask-rating = Как прошёл семинар «{ $title }»? Оцените от 1 до 5.
feedback-ask-comment = Спасибо за оценку! Пара слов — что было полезно, чего не хватило? (или «Пропустить»)
feedback-thanks = Спасибо за отзыв!
feedback-not-attended = Оценку могут поставить те, кто был на семинаре.
topic-ask = Какую тему предложить для следующих занятий?
topic-invalid = Опишите тему в 3–300 символах.
topic-saved = Спасибо! Координатор увидит ваше предложение.
topics-none = Предложений тем пока нет.
topics-heading = Предложенные темы (сколько раз и от каких школ):

## Рассылки
broadcast-ask-text = Напишите текст объявления. Можно прислать файл — тогда текст спрошу следом.
broadcast-text-invalid = Текст объявления слишком короткий.
broadcast-file-too-big = Файл слишком большой: до 20 МБ.
broadcast-ask-caption = Файл «{ $file }» получил. Теперь напишите текст объявления к нему.
broadcast-ask-audience = Кому отправить?
broadcast-preview = Так будет выглядеть объявление:
broadcast-send = Отправить
broadcast-queued = Отправляю { $count ->
    [one] { $count } получателю
    [few] { $count } получателям
   *[other] { $count } получателям
}. Отчёт о доставке — по кнопке.
broadcast-report-button = Отчёт о доставке
broadcast-refresh = Обновить
broadcast-report = Получателей: { $total }. Доставлено: { $delivered }, заблокировали бота: { $blocked }, ошибки: { $failed }, в очереди: { $pending }.
broadcast-report-stopped = Остановлено: { $count }.
broadcast-stop = Остановить рассылку
broadcast-stopped = Рассылка остановлена. Успели получить: { $delivered }, ещё в пути: { $pending }, отменено: { $count }.
broadcast-nothing-to-stop = Останавливать уже нечего: всё отправлено или рассылка уже остановлена.
broadcast-schedule = Запланировать
broadcast-change-time = Изменить время
broadcast-confirm-scheduled = Запланировать на это время
broadcast-now = Сейчас
broadcast-ask-when = Когда отправить? Напишите день и время по местному времени, например «25.12 09:00» или «завтра 8:30».
broadcast-when-unreadable = Не получилось прочитать время. Напишите, например, «25.12 09:00» или «завтра 8:30».
broadcast-when-past = Это время уже прошло. Напишите время позже, например «завтра 8:30».
broadcast-scheduled-preview = Разошлю { $when } по местному времени.
broadcast-scheduled = Запланировано для { $count ->
    [one] { $count } получателя
    [few] { $count } получателей
   *[other] { $count } получателей
}: разошлю { $when } по местному времени. Отчёт о доставке — по кнопке.
broadcast-scheduled-quiet = Указанное время попадает в тихие часы, поэтому — сразу после них.
broadcast-back = Назад
broadcast-audience-schools = Несколько школ или одна роль в них
broadcast-audience-round = Кто не ответил на опрос
broadcast-audience-seminar = Кто был на семинаре
broadcast-audience-names = Список по фамилиям
broadcast-ask-schools = Отметьте школы — можно несколько, нажатие снимает отметку. Потом «Готово, дальше».
broadcast-schools-done = Готово, дальше
broadcast-schools-none = Отметьте хотя бы одну школу.
broadcast-ask-role = Кому в { $count ->
    [one] этой школе
    [few] этих школах
   *[other] этих школах
}?
broadcast-role-all = Всем
broadcast-ask-round = Какой опрос? Объявление получат те, кто ещё не ответил.
broadcast-no-rounds = Сейчас нет открытых опросов.
broadcast-round-label = { $title }, до { $closes }
broadcast-round-all-answered = На этот опрос уже ответили все — писать некому.
broadcast-ask-seminar = Какой семинар? Объявление получат те, кто отметился на нём.
broadcast-no-seminars = За последние месяцы семинаров не было.
broadcast-seminar-nobody = На этом семинаре никто не отметился — писать некому.
broadcast-ask-names = Напишите фамилии или ФИО — через запятую или каждого с новой строки.
broadcast-names-none = Никого из списка не нашлось среди участников района. Проверьте написание и пришлите ещё раз.
broadcast-names-missing = Не нашлись: { $names }. Им объявление не придёт.
broadcast-names-ambiguous = Подходят несколько человек: { $names }. Напишите имя полнее, если нужен кто-то из них.
broadcast-correct = Отправить поправку
broadcast-correction-ask = Напишите поправку. Её получат только те, кому объявление уже пришло: { $count ->
    [one] { $count } человек
    [few] { $count } человека
   *[other] { $count } человек
}.
broadcast-correction-to = Получат те, кому пришло объявление: { $count }.
broadcast-correction-nobody = Поправку отправить некому: объявление ещё никому не пришло.
broadcast-correction-heading = Поправка к объявлению «{ $original }»:

# Рассылки: исправление отправленного текста на месте, сколько закреплено (edit.ts)
broadcast-edit-button = Исправить текст
broadcast-pinned = Закреплено в чатах: { $count } из { $delivered }.
broadcast-edit-nothing = Исправлять пока нечего: объявление ещё никому не пришло.
broadcast-edit-ask = Напишите новый текст объявления. Сейчас оно такое:
broadcast-edit-reach = Получили объявление: { $delivered }. Исправить на месте получится у { $editable ->
    [one] { $editable } человека
    [few] { $editable } человек
   *[many] { $editable } человек
}, остальным можно будет отправить поправку.
broadcast-edit-same = Это тот же текст, что и сейчас. Напишите исправленный вариант.
broadcast-edit-too-long = Текст не поместится в одно сообщение: длина — { $length }, можно не больше { $limit }. Сократите, пожалуйста.
broadcast-edit-preview = Так объявление будет выглядеть после исправления:
broadcast-edit-plan = Исправлю на месте у { $count ->
    [one] { $count } человека
    [few] { $count } человек
   *[many] { $count } человек
}.
broadcast-edit-plan-stale = У { $count ->
    [one] { $count } человека
    [few] { $count } человек
   *[many] { $count } человек
} сообщение уже не исправить (мессенджер не позволяет или оно слишком старое) — им можно будет отправить поправку.
broadcast-edit-confirm = Исправить
broadcast-edit-status = Исправлено: { $edited }. Ещё исправляется: { $waiting }. Не удалось исправить: { $missed }.
broadcast-edit-corrected = Тем, у кого исправить не удалось, отправлена поправка.
broadcast-edit-fallback = Отправить поправку им ({ $count })
audit-broadcast-edited = исправление рассылки
audit-text-broadcast-edited = исправлен текст рассылки: на месте { $count ->
    [one] { $count } сообщение
    [few] { $count } сообщения
   *[many] { $count } сообщений
}, не исправить { $missed }

# Рассылки: подтверждение прочтения («Ознакомлен(а)») и закрепление
broadcast-option-ack = Попросить подтвердить прочтение
broadcast-option-pin = Закрепить в чате
broadcast-option-ack-on = Попрошу подтвердить прочтение: под объявлением будет кнопка «Ознакомлен(а)».
broadcast-option-pin-on = Закреплю объявление в чате, где мессенджер это позволяет.
broadcast-ack-button = Ознакомлен(а)
broadcast-acked-button = ✓ Ознакомлен(а) { $when }
broadcast-ack-thanks = Спасибо, отметил: вы ознакомились.
broadcast-ack-already = Уже отмечено: вы ознакомились { $when }.
broadcast-ack-not-yours = Это объявление было адресовано не вам, отмечать здесь нечего.
broadcast-ack-not-asked = В этой рассылке подтверждение прочтения не запрашивали.
broadcast-ack-reminder = Напоминание: пожалуйста, подтвердите, что ознакомились с объявлением, — кнопка ниже.

    «{ $original }»
broadcast-ack-summary = Подтвердили прочтение: { $confirmed ->
    [one] { $confirmed } человек
    [few] { $confirmed } человека
   *[other] { $confirmed } человек
}, ещё не подтвердили: { $waiting ->
    [one] { $waiting } человек
    [few] { $waiting } человека
   *[other] { $waiting } человек
}.
broadcast-ack-unreached = Не удалось доставить { $count ->
    [one] { $count } человеку
    [few] { $count } людям
   *[other] { $count } людям
}: { $why }.
broadcast-ack-why-blocked-count = { $count ->
    [one] { $count } заблокировал(а) бота
    [few] { $count } заблокировали бота
   *[other] { $count } заблокировали бота
}
broadcast-ack-why-failed-count = { $count ->
    [one] { $count } ошибка доставки
    [few] { $count } ошибки доставки
   *[other] { $count } ошибок доставки
}
broadcast-ack-why-stopped-count = { $count ->
    [one] { $count } не получил(а) из-за остановки
    [few] { $count } не получили из-за остановки
   *[other] { $count } не получили из-за остановки
}
broadcast-ack-why-none-count = { $count ->
    [one] у { $count } не было мессенджера
    [few] у { $count } не было мессенджера
   *[other] у { $count } не было мессенджера
}
broadcast-ack-queued = Ещё в очереди: { $count ->
    [one] { $count } сообщение
    [few] { $count } сообщения
   *[other] { $count } сообщений
}.
broadcast-ack-reminders-sent = { $count ->
    [one] Отправлено { $count } напоминание
    [few] Отправлено { $count } напоминания
   *[other] Отправлено { $count } напоминаний
} из { $max }.
broadcast-ack-who = Кто не подтвердил
broadcast-ack-remind = Напомнить неподтвердившим ({ $count })
broadcast-ack-export = Выгрузить XLSX
broadcast-ack-who-waiting = Не подтвердили — { $count ->
    [one] { $count } человек
    [few] { $count } человека
   *[other] { $count } человек
}:
broadcast-ack-who-none = Все, кому объявление пришло, подтвердили прочтение.
broadcast-ack-who-unreached = Не получили — { $count ->
    [one] { $count } человек
    [few] { $count } человека
   *[other] { $count } человек
}:
broadcast-ack-and-more = { $count ->
    [one] и ещё { $count } человек
    [few] и ещё { $count } человека
   *[other] и ещё { $count } человек
} — полный список в XLSX.
broadcast-ack-erased = (данные удалены)
broadcast-ack-why-blocked = заблокировал(а) бота
broadcast-ack-why-failed = ошибка доставки
broadcast-ack-why-stopped = рассылку остановили до отправки
broadcast-ack-why-none = не было мессенджера, когда ушла рассылка
broadcast-ack-remind-cap = Уже { $count ->
    [one] отправлено { $count } напоминание
    [few] отправлено { $count } напоминания
   *[other] отправлено { $count } напоминаний
} — больше к этой рассылке не напоминаю, чтобы не докучать. Кто не подтвердил — по кнопке в отчёте.
broadcast-ack-remind-done = Это напоминание уже отправлено. Обновите отчёт — там видно, кто с тех пор подтвердил.
broadcast-ack-remind-nobody = Напоминать некому: все, кому объявление пришло, уже подтвердили.
broadcast-ack-reminded = Отправляю напоминание ({ $number } из { $max }) { $count ->
    [one] { $count } человеку
    [few] { $count } людям
   *[other] { $count } людям
}.
broadcast-ack-status-confirmed = подтвердил(а) { $when }
broadcast-ack-status-waiting = не подтвердил(а)
broadcast-ack-status-queued = ещё в очереди
broadcast-ack-status-unreached = не доставлено: { $why }
broadcast-ack-sheet = Прочтение
broadcast-ack-col-person = ФИО
broadcast-ack-col-role = Роль
broadcast-ack-col-messenger = Мессенджер
broadcast-ack-exported = Отчёт о прочтении: подтвердили { $confirmed } из { $total ->
    [one] { $total } адресата
    [few] { $total } адресатов
   *[other] { $total } адресатов
}.

## Команды (семинары и рассылки)
cmd-seminar = объявить семинар
cmd-seminars = семинары, запись и присутствие
cmd-here = отметиться на семинаре по коду
cmd-topic = предложить тему семинара
cmd-topics = предложенные темы
cmd-broadcast = отправить объявление

## Консультации
consultation-default-topics = Подготовка к ВПР | Подготовка к ОГЭ и ЕГЭ | Анализ результатов оценочных процедур | Работа со слабоуспевающими | Методика урока | Школьная дорожная карта | Управленческие вопросы
consultation-format-in_person = очно
consultation-format-online = онлайн
consultation-format-school_visit = выезд в школу
consultation-format-phone = по телефону
log-no-assignments = У вас пока нет назначений — записывать консультации можно только для своих школ и педагогов. Если это ошибка, напишите координатору.
log-not-your-assignment = Консультации можно записывать только для тех, к кому вы назначены.
log-ask-whom = С кем была консультация?
log-ask-date = Когда? Нажмите кнопку или напишите дату, например 12.03.
log-today = Сегодня
log-yesterday = Вчера
log-date-invalid = Не понял дату (или она ещё не наступила). Например: вчера, 12.03, 12.03.2026.
log-ask-minutes = Сколько длилась?
log-minutes = { $minutes } мин
log-minutes-invalid = Напишите длительность в минутах от 5 до 600, например 45, или «1,5 ч».
log-ask-format = Как проходила?
log-ask-topic = Тема? Выберите или напишите свою.
log-topic-invalid = Опишите тему в 2–300 символах.
log-ask-outcome = Итог или следующий шаг (можно пропустить).
log-ask-field = Что исправить?
log-field-date = Дату
log-field-minutes = Длительность
log-field-format = Формат
log-field-topic = Тему
log-field-outcome = Итог
log-summary = С кем: { $whom }
    Когда: { $date }
    Длительность: { $minutes } мин
    Формат: { $format }
    Тема: { $topic }
    Итог: { $outcome }
log-confirm-question = Сохранить?
log-unknown-name = Среди ваших школ и педагогов не нашёл «{ $name }». { $kept ->
    [none] Выберите, с кем была консультация.
   *[other] Остальное запомнил ({ $kept }) — осталось выбрать, с кем была консультация.
}
log-which = Одна запись уже ждёт сохранения:

    { $waiting }

    Новая:

    { $fresh }

    Какую оставить?
log-keep-waiting = Ту, что ждёт
log-keep-new = Новую
log-fresh-start = Начнём с начала: с кем, когда, сколько.
log-save = Сохранить
log-saved = Записал. Спасибо! Ваш месяц — /mylog.
log-edited = Исправил. Прежняя версия сохранена в истории.
log-entry-gone = Эта запись уже удалена.
log-confirm-request = { $author } отметил(а) консультацию с вами: { $date }, { $minutes } мин, «{ $topic }». Подтвердите, что она состоялась.
log-confirm-yes = Да, встреча была
log-confirmed = Спасибо, подтверждение сохранено.
log-confirmed-already = Эта консультация уже подтверждена.
mylog-heading = Консультации в этом месяце: { $count }, время: { $time }.
log-count-time = { $count ->
    [one] { $count } встреча
    [few] { $count } встречи
   *[other] { $count } встреч
}, { $time }
duration-minutes = { $minutes } мин
duration-hours-minutes = { $hours } ч { $minutes } мин
duration-whole-hours = { $hours } ч
duration-hours = { $hours } ч
log-count-hours = { $count } (часов: { $hours })
log-entry = { $date } — { $whom }, { $minutes } мин, { $format }. Тема: { $topic }
log-too-old = Запись старше { $days ->
    [one] { $days } дня
    [few] { $days } дней
   *[other] { $days } дней
} — исправить её может координатор.
log-edit = Исправить
log-delete = Удалить
log-deleted = Запись удалена (в истории она сохранится).
log-nudge = Координатор напоминает: давно не было записей о консультациях — { $whom }. Если встречи были, запишите их: /log.
log-nudged = Напоминание отправлено: { $whom }.
log-nudged-already = Сегодня напоминание уже отправлялось: { $whom }.
log-monthly-reminder = В этом месяце у вас ещё нет записанных консультаций. Если встречи были — запишите их за минуту: /log.
consultations-heading = Консультации с { $from } по { $to }: { $count }, часов: { $hours }.
consultations-by-school = По школам:
consultations-by-pair = По парам:
consultations-quiet = Без консультаций больше { $days ->
    [one] { $days } дня
    [few] { $days } дней
   *[other] { $days } дней
}: { $count ->
    [one] { $count } пара
    [few] { $count } пары
   *[other] { $count } пар
} — можно напомнить кнопкой.
consultations-no-quiet = У всех пар были консультации { $days ->
    [one] за последний { $days } день
    [few] за последние { $days } дня
   *[other] за последние { $days } дней
}.
consultations-export = Скачать XLSX
consultations-exported = Выгрузка готова: { $count ->
    [one] { $count } запись
    [few] { $count } записи
   *[other] { $count } записей
}.
period-month = Этот месяц
period-previous = Прошлый месяц
period-year = Учебный год
export-consultations-sheet = Консультации
export-by-school-sheet = По школам
col-date = Дата
col-author = Кто провёл
col-whom = С кем
col-school = Школа
col-minutes = Минут
col-hours = Часов
col-format = Формат
col-topic = Тема
col-outcome = Итог
col-confirmed = Подтверждено
col-count = Количество
yes = да
cmd-log = записать консультацию
cmd-mylog = мои консультации за месяц
cmd-consultations = консультации: итоги и выгрузка
# Консультации: план по парам, запланированные занятия, оценки педагогов
plan-button = План по парам
plan-my-heading = План по парам на этот месяц:
plan-municipality-heading = Пары и их план на этот месяц:
plan-no-pairs-municipality = В муниципалитете пока нет пар тьюторов и наставников. Назначить — /assign.
plan-sessions-done = { $count ->
    [one] { $count } встреча
    [few] { $count } встречи
   *[other] { $count } встреч
}
plan-progress-none = { $done }, { $time }
plan-progress-sessions = { $done } из { $planned ->
    [one] { $planned } занятия
    [few] { $planned } занятий
   *[other] { $planned } занятий
}
plan-progress-time = { $done } из { $planned }
plan-sessions-per-month = { $count ->
    [one] { $count } занятие
    [few] { $count } занятия
   *[other] { $count } занятий
} в месяц
plan-time-per-month = { $time } в месяц
plan-card-plan = План: { $plan }.
plan-card-no-plan = Плана пока нет.
plan-card-goals = Цели: { $goals }
plan-card-month = В этом месяце: { $progress }.
plan-card-earlier = В истории { $count ->
    [one] { $count } прежний план
    [few] { $count } прежних плана
   *[other] { $count } прежних планов
}.
plan-set = Задать план
plan-change = Изменить план
plan-ask-sessions = План для пары «{ $whom }». Сколько занятий в месяц? Нажмите кнопку или напишите число.
plan-no-sessions = Не считать занятия
plan-sessions-invalid = Напишите число занятий в месяц от 1 до 31.
plan-ask-hours = Сколько часов в месяц? Например: 3, 2,5 или 90 мин.
plan-no-hours = Не считать часы
plan-hours-invalid = Напишите часы в месяц, например 3 или 2,5 (от 15 минут до 200 часов).
plan-need-something = В плане нужно хоть что-то посчитать: число занятий или часы.
plan-ask-goals = Цели пары на это время (до { $max ->
    [one] { $max } символа
    [few] { $max } символов
   *[other] { $max } символов
}) — или пропустите.
plan-keep-goals = Оставить прежние цели
plan-goals-invalid = Опишите цели не короче 2 и не длиннее { $max ->
    [one] { $max } символа
    [few] { $max } символов
   *[other] { $max } символов
} (сейчас { $length }).
plan-summary = Пара: { $whom }
    План: { $plan }
    Цели: { $goals }

    Сохранить? Прежний план, если был, останется в истории.
plan-saved = План сохранён: { $whom } — { $plan }.
plan-set-notice = Координатор задал план по паре «{ $whom }»: { $plan }. Как идут дела — /mylog.
mylog-goals = Цели:
mylog-rating = Ваша средняя оценка от педагогов за учебный год: { $average } ({ $count ->
    [one] { $count } оценка
    [few] { $count } оценки
   *[other] { $count } оценок
}).
consultations-plans = План на месяц:
consultations-no-plan = Без плана: { $count ->
    [one] { $count } пара
    [few] { $count } пары
   *[other] { $count } пар
}.
consultations-ratings = Оценки педагогов (без имён):
rating-too-few = мало оценок
rating-average = { $average } из 5 ({ $count ->
    [one] { $count } оценка
    [few] { $count } оценки
   *[other] { $count } оценок
})
export-plans-sheet = План и факт
export-ratings-sheet = Оценки
col-plan-sessions = План занятий в месяц
col-done-sessions = Проведено занятий
col-plan-hours = План часов в месяц
col-done-hours = Проведено часов
col-goals = Цели
col-ratings = Оценок
col-average = Средняя оценка
col-comments = Комментарии
planned-button = Запланировать
planned-heading = Запланировано:
planned-ask-whom = С кем будет занятие?
planned-ask-date = Когда? Нажмите кнопку или напишите дату, например 04.12 или 04.12 15:00.
planned-tomorrow = Завтра
planned-day-after = Послезавтра
planned-date-invalid = Не понял дату (или она уже прошла). Например: завтра, 04.12, 04.12.2026.
planned-date-too-far = Запланировать можно не дальше чем на { $days ->
    [one] { $days } день
    [few] { $days } дня
   *[other] { $days } дней
} вперёд.
planned-ask-time = Во сколько? Например, 15:00.
planned-time-invalid = Не понял время. Напишите, например, 15:00 или 9:30.
planned-time-past = Это время уже прошло — выберите, пожалуйста, другое.
planned-ask-minutes = Сколько продлится?
planned-ask-format = Как пройдёт?
planned-summary = С кем: { $whom }
    Когда: { $when }
    Длительность: { $minutes } мин
    Формат: { $format }
    Тема: { $topic }
planned-confirm-question = Запланировать? Накануне я напомню вам и педагогу.
planned-save = Запланировать
planned-saved = Запланировал: { $day } в { $time }, занятие с { $withWhom }. Накануне напомню.
planned-move-question = Перенести занятие с { $withWhom } на { $when }?
planned-move-yes = Перенести
planned-moved = Перенёс: занятие с { $withWhom } теперь { $day } в { $time }. Накануне напомню.
planned-card = { $day } в { $time } — занятие с { $withWhom }, { $minutes } мин, { $format }. Тема: { $topic }{ $state ->
    [done] {" "}— состоялось.
    [cancelled] {" "}— не состоялось.
   *[other] {""}
}
planned-move = Перенести
planned-cancel = Отменить
planned-done = Состоялась
planned-missed = Не состоялась
planned-default-topic = Запланированное занятие
planned-logged = Записал: { $day } в { $time }, занятие с { $withWhom }, { $minutes } мин. Ваш месяц — /mylog.
planned-already-done = Это занятие уже записано.
planned-already-closed = Это занятие уже отмечено как не состоявшееся.
planned-not-yet = Занятие ещё не началось — отметить его можно после начала.
planned-cancelled = Хорошо, отметил: занятие с { $withWhom } не состоялось.
planned-reminder-author = Напоминаю: { $day } в { $time } — занятие с { $withWhom } ({ $format }, { $minutes } мин). Тема: { $topic }
planned-reminder-counterpart = Напоминаю: { $day } в { $time } — занятие { $role ->
    [tutor] с тьютором
   *[mentor] с наставником
} { $author } ({ $format }, { $minutes } мин). Тема: { $topic }
planned-moved-notice = Занятие { $role ->
    [tutor] с тьютором
   *[mentor] с наставником
} { $author } перенесено: теперь { $day } в { $time }.
planned-cancelled-notice = Занятие { $role ->
    [tutor] с тьютором
   *[mentor] с наставником
} { $author } { $day } в { $time } не состоится.
planned-ask-outcome = Занятие с { $withWhom } { $day } в { $time } состоялось?
rating-offer = Если хотите, оцените консультацию от 1 до 5 — это необязательно. Координатор видит только средние оценки, без имён.
rating-skip = Не оценивать
rating-skipped = Хорошо, без оценки. Спасибо за подтверждение!
rating-ask-comment = Ваша оценка: { $rating }. Хотите добавить комментарий (до { $max ->
    [one] { $max } символа
    [few] { $max } символов
   *[other] { $max } символов
})? Координатор увидит его без вашего имени.
rating-no-comment = Без комментария
rating-comment-invalid = Комментарий — от 2 до { $max ->
    [one] { $max } символа
    [few] { $max } символов
   *[other] { $max } символов
} (сейчас { $length }).
rating-thanks = Спасибо за оценку!
rating-thanks-comment = Спасибо за оценку и комментарий!

## Опросы
survey-error-required = Это обязательный вопрос — ответьте, пожалуйста.
survey-error-choose-option = Выберите один из вариантов кнопкой.
survey-error-choose-at-least = Отметьте хотя бы { $min }.
survey-error-choose-at-most = Можно отметить не больше { $max }.
survey-error-scale-range = Выберите оценку от { $min } до { $max }.
survey-error-not-a-number = Нужно число, например 12 или 12,5.
survey-error-not-an-integer = Нужно целое число.
survey-error-number-range = Введите число от { $min } до { $max }{ $unit ->
    [hours] {" "}(часов)
    [pupils] {" "}(обучающихся)
    [percent] {" "}(%)
    [people] {" "}(человек)
    [rubles] {" "}(руб.)
   *[other] {""}
}.
survey-error-text-too-long = Слишком длинно: { $length ->
    [one] { $length } символ
    [few] { $length } символа
   *[other] { $length } символов
}, можно до { $max }.
survey-error-write-text = Напишите ответ текстом.
survey-error-date = Напишите дату, например 12.03.2026.
survey-gone = Этот опрос больше недоступен.
survey-not-open = Опрос ещё не начался.
survey-closed = Опрос уже закрыт — ответы больше не принимаются. Спасибо!
survey-skipped = пропущено
survey-yes = Да
survey-no = Нет
survey-done = Готово
survey-ticked = Выбрано: { $options }
survey-back = ← Назад
survey-progress = Вопрос { $n } из { $total }
survey-type-number = Напишите число от { $min } до { $max }.
survey-type-text = Напишите ответ сообщением.
survey-type-date = Напишите дату, например 12.03.2026.
survey-unit-hours = ч
survey-unit-pupils = обуч.
survey-unit-percent = %
survey-unit-people = чел.
survey-unit-count = шт.
survey-unit-rubles = руб.
survey-summary = Проверьте ответы:
survey-submit = Отправить
survey-change = Изменить ответ { $n }
survey-incomplete = Ещё не все вопросы отвечены — продолжите, пожалуйста.
survey-saved = Спасибо! Ответы сохранены.
survey-edited = Спасибо! Ответы обновлены.
survey-already = Вы уже ответили на этот опрос. Спасибо!
survey-invite = Новый опрос: «{ $title }». Займёт пару минут, ответить можно до { $until }.
survey-start = Начать
survey-continue = Продолжить
survey-reminder = Напоминание: ждём ваших ответов на опрос «{ $title }». Если начали — продолжите с того же места.
surveys-mine = Опросы для вас:
surveys-mine-open = • «{ $title }» — ждём ответа до { $until }
surveys-mine-answered = • «{ $title }» — вы ответили, изменить можно до { $until }
surveys-mine-done = • «{ $title }» — вы ответили, спасибо
surveys-answer = Ответить: { $title }
surveys-rounds = Запущенные опросы (ответили / адресатов):
surveys-none = Открытых опросов нет.
survey-open-until = Открыт до { $date }
survey-closed-at = Закрыт { $date }
survey-rate = Ответили: { $answered } из { $total } ({ $percent }%).
survey-button-summary = Итоги
survey-button-missing = Кто не ответил
survey-button-nudge = Напомнить ещё раз
survey-missing-heading = Не ответили ({ $count }):
survey-missing-none = Ответили все.
survey-nudged = Напоминание отправлено: { $count }.
survey-answered = ответов: { $count }
survey-figures-number = среднее { $mean }, медиана { $median }, сумма { $sum }
survey-figures-scale = среднее { $mean }, медиана { $median }
survey-chart = Диаграмма { $n }
survey-exported = Выгрузка готова: { $count ->
    [one] { $count } ответ
    [few] { $count } ответа
   *[other] { $count } ответов
}.
survey-escalation = Опрос «{ $title }»: ещё не ответили { $count }.
survey-escalation-school = Опрос «{ $title }»: в вашей школе ещё не ответили { $count }.
survey-escalation-more = …и ещё { $count } — весь список по кнопке ниже.

survey-ask-which = Какой опрос запускаем? Выберите шаблон — или пришлите свой файл JSON или YAML. Собрать свой по шагам — /newsurvey.
survey-file-type = Пришлите файл .json или .yaml (до 256 КБ).
survey-file-problems = В файле опроса есть ошибки:
    { $problems }
survey-ask-audience = Кого опрашиваем?
survey-ask-audience-school = Кого опрашиваем? Этот опрос заполняется за школу — обычно его отправляют администрациям.
survey-audience-supported-admins = Администрации поддерживаемых школ
survey-ask-days = Сколько дней принимать ответы?
survey-days = { $days } дн.
survey-ask-repeat = Повторять опрос?
survey-repeat-none = Нет, один раз
survey-repeat-terms = После каждой четверти
survey-repeat-monitoring = В марте, сентябре и ноябре
survey-confirm = Запустить опрос «{ $title }» на { $days } дн.?
survey-launch = Запустить
survey-launched = Опрос запущен: приглашения получат { $count }. Ход опроса — /surveys.
# опросы: ход раунда — закрыть досрочно, продлить, напомнить не ответившим по имени
survey-closed-early-at = Закрыт досрочно { $date }
survey-button-extend = Продлить
survey-button-close = Закрыть досрочно
survey-button-school-missing = Кто не ответил в школе
survey-remind-all = Напомнить всем не ответившим ({ $count })
survey-remind-one = Напомнить: { $name }
survey-missing-reminded = { $count ->
    [one] напоминали вручную { $count } раз
    [few] напоминали вручную { $count } раза
   *[other] напоминали вручную { $count } раз
}
survey-missing-page = Страница { $page } из { $pages }
survey-missing-prev = ← Назад
survey-missing-next = Дальше →
survey-school-missing-heading = «{ $title }», { $school }: не ответили ({ $count }):
survey-school-missing-none = «{ $title }», { $school }: ответили все. Спасибо!
surveys-school-rounds = Опросы вашей школы (ответили / адресатов) — нажмите, чтобы увидеть, кто не ответил:
survey-remind-closed = Опрос уже закрыт — напоминать больше не нужно.
survey-reminded = { $count ->
    [0] Напоминаний не отправлено.
    [one] Напоминание отправлено { $count } человеку.
    [few] Напоминание отправлено { $count } людям.
   *[other] Напоминание отправлено { $count } людям.
}
survey-reminded-capped = { $count ->
    [one] Без напоминания { $count } человек{ $names }
    [few] Без напоминания { $count } человека{ $names }
   *[other] Без напоминания { $count } человек{ $names }
}: вручную напоминаем не больше { $cap ->
    [one] { $cap } раза
    [few] { $cap } раз
   *[other] { $cap } раз
} за опрос и не чаще раза в { $hours } ч.
survey-reminded-unreachable = { $count ->
    [one] Не получится написать { $count } человеку{ $names }
    [few] Не получится написать { $count } людям{ $names }
   *[other] Не получится написать { $count } людям{ $names }
}: нет подключённого мессенджера.
survey-remind-answered = { $name }: ответ уже получен, напоминать не нужно.
survey-remind-cap = { $name }: { $cap ->
    [one] уже было { $cap } напоминание
    [few] уже было { $cap } напоминания
   *[other] уже было { $cap } напоминаний
} вручную по этому опросу — больше не отправляю.
survey-remind-recent = { $name }: напоминание уходило меньше { $hours } ч назад. Следующее можно после { $next }.
survey-remind-unreachable = { $name }: не получается написать — нет подключённого мессенджера.
survey-remind-sent = { $name } — напоминание отправлено. { $left ->
    [0] Это было последнее напоминание вручную по этому опросу.
    [one] Вручную можно напомнить ещё { $left } раз.
    [few] Вручную можно напомнить ещё { $left } раза.
   *[other] Вручную можно напомнить ещё { $left } раз.
}
survey-close-already = Опрос уже закрыт.
survey-close-ask = Закрыть опрос «{ $title }» сейчас? Ответили { $answered } из { $total }.
survey-close-ask-notice = { $count ->
    [0] Ответили все, сообщать никому не нужно.
    [one] { $count } не ответившему придёт короткое сообщение, что опрос закрыт.
    [few] { $count } не ответившим придёт короткое сообщение, что опрос закрыт.
   *[other] { $count } не ответившим придёт короткое сообщение, что опрос закрыт.
}
survey-close-confirm = Закрыть сейчас
survey-close-keep = Не закрывать
survey-close-card = Карточка опроса
survey-closed-early = Опрос «{ $title }» закрыт. Ответили { $answered } из { $total }. { $notified ->
    [0] Итоги — на карточке опроса.
    [one] Сообщу { $notified } не ответившему, что отвечать больше не нужно.
    [few] Сообщу { $notified } не ответившим, что отвечать больше не нужно.
   *[other] Сообщу { $notified } не ответившим, что отвечать больше не нужно.
}
survey-closed-notice = Опрос «{ $title }» закрыт досрочно — отвечать на него больше не нужно. Спасибо!
survey-extend-ask = До какого дня продлить опрос «{ $title }»? Сейчас он открыт до { $until }. Выберите срок или напишите дату, например 20.12.
survey-extend-ask-closed = Продлить опрос «{ $title }»? Он закрыт { $until }; продление откроет его снова. Выберите срок или напишите дату, например 20.12.
survey-extend-days = +{ $days } дн. (до { $until })
survey-extend-cancel = Не продлевать
survey-extend-kept = Хорошо, срок остаётся прежним.
survey-extend-type = Напишите дату, например 20.12 или 20.12.2026, — или выберите срок кнопкой.
survey-extend-past = Эта дата уже прошла — напишите более позднюю.
survey-extend-not-later = Новый срок должен быть позже нынешнего ({ $until }) — напишите более позднюю дату.
survey-extend-too-far = Так далеко не продлить: не больше чем на { $days ->
    [one] { $days } день
    [few] { $days } дня
   *[other] { $days } дней
} вперёд.
survey-extended = Опрос «{ $title }» продлён до { $until }. { $notified ->
    [0] Все адресаты уже ответили.
    [one] Сообщу об этом { $notified } не ответившему.
    [few] Сообщу об этом { $notified } не ответившим.
   *[other] Сообщу об этом { $notified } не ответившим.
}
survey-extended-notice = Опрос «{ $title }» продлён до { $until } — ответить можно здесь.
export-raw-sheet = Ответы
export-schools-sheet = По школам
col-respondent = Кто ответил
col-submitted = Отправлено
col-responses = Ответов
col-audience = Адресатов
col-rate = Доля, %
cmd-survey = запустить опрос
cmd-surveys = опросы

## Дорожная карта
roadmap-ask-file = Пришлите приказ с дорожной картой — DOCX, XLSX, CSV — или вставьте таблицу текстом (скопируйте её из Word).
roadmap-pasted = вставленный текст
roadmap-error-corrupt = Не получается прочитать файл: похоже, он повреждён. Сохраните его заново и пришлите ещё раз.
roadmap-error-empty = В документе нет ни одного пункта плана. Проверьте, тот ли это файл.
roadmap-error-no-table = Не нашёл таблицу плана: нужна строка заголовков вроде «№ п/п | Мероприятия | Сроки | Ответственные | Результат».
roadmap-error-too-big = Файл слишком большой: принимаю до 20 МБ.
roadmap-error-unsupported = Этот формат я не читаю. Пришлите DOCX, XLSX, CSV или вставьте текст таблицы.
roadmap-preview = «{ $file }»: пунктов — { $items }, разделов — { $sections }. Период плана: { $period }.
    Сроки понял у { $understood }, не понял у { $unknown }.
roadmap-not-understood = Сроки, которые я не понял (по ним не будет напоминаний, можно уточнить позже):
roadmap-blank = пусто
roadmap-warnings = Замечаний к таблице: { $count } (повторы номеров, пустые сроки).
roadmap-tables-left-out = Пропустил { $count ->
    [one] таблицу
    [few] таблицы
   *[other] таблицы
} без сроков: { $tables }.
roadmap-tables-left-out-no-title = Пропустил { $count ->
    [one] таблицу
    [few] таблицы
   *[other] таблицы
} без мероприятий: { $tables }.
roadmap-columns-intro = Не понял, в каком столбце что. Вот первые строки таблицы, столбцы пронумерованы:
roadmap-columns-ask-title = В каком столбце мероприятия?
roadmap-columns-ask-deadline = А сроки?
roadmap-columns-ask-responsible = И ответственные?
roadmap-columns-button = Столбец { $column }: { $sample }
roadmap-columns-none = Нет такого столбца
roadmap-columns-empty = С этими столбцами не нашёл ни одного пункта. Давайте выберем ещё раз.
roadmap-columns-too-big = Таблица слишком большая, чтобы выбирать столбцы в чате. Добавьте над ней строку заголовков вроде «№ | Мероприятие | Срок | Ответственный» и пришлите файл ещё раз.
roadmap-columns-remembered = Столбцы взял те же, что вы выбрали в прошлый раз для таблицы с таким заголовком.
roadmap-columns-again = Выбрать столбцы заново
roadmap-imported = Дорожная карта сохранена. Новых пунктов: { $created }, обновлено: { $updated }, без изменений: { $unchanged }, убрано: { $removed }.
roadmap-ask-responsible = Кому напоминать о пунктах, где ответственный — «{ $body }»? (осталось уточнить: { $left })
responsible-coordinators = Координаторам
responsible-supported-admins = Руководителям поддерживаемых школ
responsible-all-admins = Руководителям всех школ
responsible-nobody = Никому не напоминать
roadmap-responsible-done = Готово, ответственные заданы. Напоминания пойдут за неделю и за день до срока. Прогресс — /roadmap.
roadmap-none = Дорожная карта ещё не загружена.
roadmap-import = Загрузить дорожную карту
roadmap-import-school = Загрузить план школы
roadmap-mine-none = Сейчас за вами нет открытых пунктов дорожной карты.
roadmap-mine-heading = Ваши пункты дорожной карты:
roadmap-summary = Пунктов: { $items }. Выполнено: { $done }, просрочено: { $overdue }, без понятного срока: { $unknown }.
roadmap-overdue-heading = Просрочено:
roadmap-by-section = По разделам (выполнено / всего):
roadmap-by-responsible = По ответственным:
roadmap-exported = Выгрузка готова: { $count ->
    [one] { $count } строка
    [few] { $count } строки
   *[other] { $count } строк
}.
roadmap-sheet = Дорожная карта
roadmap-status-done = выполнено
roadmap-status-overdue = просрочено
roadmap-status-open = в работе
roadmap-status-continuous = постоянно
roadmap-status-unknown = срок не понят
col-section = Раздел
col-activity = Мероприятие
col-deadline-text = Срок (как в документе)
col-due = Срок
col-responsible = Ответственные
col-result = Ожидаемый результат
col-status = Статус
col-done-at = Выполнено
col-done-by = Кто отметил
col-evidence = Подтверждение (ссылка или файл)
col-milestone-comment = Комментарий
roadmap-item-gone = Этого пункта больше нет в дорожной карте.
roadmap-ask-evidence = Отмечаю выполненным: «{ $title }». Пришлите файл или ссылку — или нажмите «Без подтверждения». Можно и коротко написать, что сделано.
roadmap-no-evidence = Без подтверждения
roadmap-already-done = Этот пункт уже отмечен выполненным.
roadmap-done = Отметил: выполнено. Спасибо!
roadmap-ask-new-date = Сейчас срок — { $due }. На какую дату перенести? Например: 15.10.2026.
roadmap-new-date-invalid = Нужна будущая дата, например 15.10.2026.
roadmap-postponed = Перенёс срок на { $date }. Напомню заранее.
roadmap-ask-comment = Напишите комментарий.
roadmap-commented = Комментарий сохранён.
roadmap-button-done = Выполнено
roadmap-button-postpone = Перенести
roadmap-button-comment = Комментарий
roadmap-due-week = Через неделю, { $when }, срок по дорожной карте: { $title }
roadmap-due-tomorrow = Завтра, { $when }, срок по дорожной карте: { $title }
roadmap-due-today = Сегодня срок по дорожной карте: { $title }. Как дела?
roadmap-overdue = Просрочен пункт дорожной карты: { $title } (срок { $when }). Ответственные: { $responsible }.
roadmap-checkin = Ежемесячная сверка по дорожной карте: { $title }. Как продвигается?
# road map: reminders at a span's start and the daily digest
roadmap-span-start = Начинается период: { $title }, с { $from }, срок до { $when }.
roadmap-due-passed = Срок по дорожной карте прошёл { $when }: { $title }. Как дела?
roadmap-digest-heading = Дорожная карта на сегодня: { $count ->
    [one] { $count } пункт ждёт внимания
    [few] { $count } пункта ждут внимания
   *[other] { $count } пунктов ждут внимания
}.
roadmap-digest-today = Сегодня срок:
roadmap-digest-soon = Скоро (в течение недели):
roadmap-digest-overdue = Просрочено:
roadmap-digest-start = Начинается период:
roadmap-digest-month = Ежемесячная сверка:
roadmap-digest-escalated = Просрочено у ответственных:
roadmap-digest-line = { $title } — { $when }
roadmap-digest-line-span = { $title } — с { $from } по { $when }
roadmap-digest-line-escalated = { $title } — { $when } (ответственные: { $responsible })
roadmap-digest-more = …и ещё { $count ->
    [one] { $count } пункт
    [few] { $count } пункта
   *[other] { $count } пунктов
} — все в /roadmap
roadmap-digest-hint = «✓» — выполнено, «⟳» — перенести срок; номер — как в списке.
roadmap-digest-done = { $n } ✓
roadmap-digest-postpone = { $n } ⟳
roadmap-button-undo = Отменить
roadmap-undone = Отметку «Выполнено» снял: «{ $title }» снова в работе.
roadmap-undo-not-done = Пункт не отмечен выполненным — отменять нечего.
roadmap-undo-too-late = Отменить отметку можно в течение суток. Если она ошибочна, напишите координатору.
roadmap-done-notice = Выполнен пункт дорожной карты: «{ $title }». Отметил(а): { $who }. Подтверждение: { $evidence }
roadmap-postponed-notice = Срок пункта «{ $title }» перенесён с { $from } на { $to }. Перенёс(ла): { $who }.
roadmap-postpone-request = { $who } просит перенести срок пункта «{ $title }» с { $from } на { $to }.
roadmap-postpone-accept = Принять перенос
roadmap-postpone-refuse = Оставить прежний срок
roadmap-postpone-requested = Передал координатору просьбу перенести срок на { $date }. Как только он решит, сообщу.
roadmap-postpone-accepted = Перенос принят: «{ $title }», новый срок { $date }. Ответственному сообщу.
roadmap-postpone-refused = Срок оставлен прежним: «{ $title }», { $date }. Ответственному сообщу.
roadmap-postpone-accepted-you = Координатор согласовал перенос: «{ $title }», новый срок { $date }. Напомню заранее.
roadmap-postpone-refused-you = Координатор оставил прежний срок: «{ $title }», { $date }. Если нужно, обсудите с ним.
roadmap-request-decided = По этому переносу уже решили.
roadmap-request-stale = Эта просьба о переносе уже неактуальна: пункт выполнен или перенос попросили заново.
roadmap-mine-button = Мои пункты
roadmap-approval-button-on = Согласовывать переносы сроков
roadmap-approval-button-off = Переносить сроки без согласования
roadmap-approval-on = Теперь новый срок вступает в силу только после согласия координатора: просьбы о переносе придут с кнопками «Принять перенос» и «Оставить прежний срок».
roadmap-approval-off = Теперь перенос срока вступает в силу сразу, а координаторам приходит уведомление.
roadmap-report-button = Отчёт по региону на дату
roadmap-report-ask-date = На какую дату собрать отчёт? Например: 01.12.2026.
roadmap-report-today = На сегодня
roadmap-report-date-invalid = Не понял дату. Напишите её так: 01.12.2026.
roadmap-report-ready = Отчёт по дорожной карте на { $date }: { $count ->
    [one] { $count } муниципалитет
    [few] { $count } муниципалитета
   *[many] { $count } муниципалитетов
}, по разделам и по ответственным.
roadmap-report-sheet-sections = По разделам
roadmap-report-sheet-bodies = По ответственным
col-municipality = Муниципалитет
col-items = Пунктов
col-status-done = Выполнено
col-status-overdue = Просрочено
col-status-open = В работе
col-status-unknown = Срок не понят
cmd-roadmap = дорожная карта

## Еженедельная сводка
digest-heading = Сводка за неделю: { $from } — { $to }
digest-fell-due = Сроки по дорожной карте за неделю: { $count }, выполнено: { $done }.
digest-overdue = Просрочено пунктов: { $count }.
digest-surveys = Опросы (ответили / адресатов):
digest-no-surveys = Открытых опросов нет.
digest-seminars = Семинары на ближайшую неделю:
digest-no-seminars = На ближайшей неделе семинаров нет.
digest-going = записались: { $count }
digest-ask-weekday = В какой день присылать еженедельную сводку?
digest-ask-hour = Во сколько (по местному времени)?
digest-saved = Буду присылать сводку: { $weekday }, { $hour }:00.
weekday-1 = понедельник
weekday-2 = вторник
weekday-3 = среда
weekday-4 = четверг
weekday-5 = пятница
weekday-6 = суббота
weekday-7 = воскресенье
cmd-digest = когда присылать еженедельную сводку

## Конструктор опроса
builder-ask-title = Как назовём опрос?
builder-title-invalid = Название — от 3 до 200 символов.
builder-ask-anonymous = Ответы будут с именами или анонимные?
builder-named = С именами
builder-anonymous = Анонимные
builder-ask-level = Кто отвечает?
builder-level-person = Каждый человек за себя
builder-level-school = Один ответ за школу
builder-ask-type = Вопросов пока: { $count }. Какой вопрос добавить?
builder-type-single = Один вариант
builder-type-multiple = Несколько вариантов
builder-type-scale = Шкала
builder-type-number = Число
builder-type-yesno = Да / нет
builder-type-text = Текст
builder-type-date = Дата
builder-finish = Готово, сохранить
builder-too-many = В опросе может быть не больше { $max ->
    [one] { $max } вопроса
    [few] { $max } вопросов
   *[other] { $max } вопросов
}.
builder-ask-text = Напишите текст вопроса.
builder-text-invalid = Текст вопроса — от 3 до 1000 символов.
builder-ask-options = Напишите варианты ответа через точку с запятой, например: Да; Скорее да; Нет.
builder-options-invalid = Нужно от 2 до 12 вариантов, каждый до 40 символов, через точку с запятой.
builder-ask-scale = Напишите шкалу как «от-до», например 1-5 (не больше 11 делений).
builder-ask-range = Напишите допустимые значения как «от-до», например 0-500.
builder-ask-required = Вопрос обязательный?
builder-required = Обязательный
builder-optional = Можно пропустить
builder-saved = Опрос сохранён. Теперь выберем, кого опросить.
cmd-newsurvey = создать опрос по шагам

## Журнал действий
audit-heading = Журнал действий ({ $count ->
    [one] последняя { $count } запись
    [few] последние { $count } записи
   *[other] последние { $count } записей
}):
audit-empty = Журнал пока пуст.
audit-system = система
audit-erased = удалённый участник
audit-export = Скачать журнал (XLSX)
audit-exported = Журнал выгружен: { $count ->
    [one] { $count } запись
    [few] { $count } записи
   *[other] { $count } записей
}.
audit-sheet = Журнал
audit-col-who = Кто
audit-col-what = Что сделано
audit-col-details = Подробности
audit-invite-created = создано приглашение
audit-role-granted = выдана роль
audit-people-imported = импорт людей
audit-schools-imported = импорт школ
audit-assignment-created = назначение
audit-broadcast-sent = рассылка
audit-broadcast-stopped = остановка рассылки
audit-seminar-announced = объявлен семинар
audit-seminar-cancelled = отменён семинар
audit-seminar-changed = изменён семинар
audit-survey-launched = запущен опрос
audit-survey-closed = опрос закрыт досрочно
audit-survey-extended = опрос продлён
audit-export-personal-data = выгрузка персональных данных
audit-roadmap-imported = загружена дорожная карта
audit-person-forgotten = участник отозвал согласие, данные удалены
audit-backup-restored = база восстановлена из копии
audit-retention-applied = обезличивание и удаление по сроку хранения
cmd-audit = журнал действий

## Сроки хранения
retention-notice = Через { $days ->
    [one] { $days } день
    [few] { $days } дня
   *[other] { $days } дней
} по срокам хранения данных: будут обезличены ответы { $rounds ->
    [one] { $rounds } опроса
    [few] { $rounds } опросов
   *[other] { $rounds } опросов
} ({ $answers ->
    [one] { $answers } ответ
    [few] { $answers } ответа
   *[other] { $answers } ответов
}) и удалены данные { $people ->
    [one] { $people } неактивного участника
    [few] { $people } неактивных участников
   *[other] { $people } неактивных участников
}: { $names }. Если кто-то из них ещё работает, попросите его написать боту — тогда его данные останутся.

# anonymous surveys
survey-schools-together = Другие школы вместе (малые группы не показываем отдельно)
export-texts-sheet = Свободные ответы
col-question = Вопрос
col-answer = Ответ
survey-too-few = Ответов пока { $count }. Покажем их, когда наберётся хотя бы { $min }: в анонимном опросе по меньшему числу ответов можно узнать человека.


# surveys over time: change across rounds, last time's answers, a school head's view
trend-button = Динамика
trend-title = 📈 Динамика: «{ $title }»
trend-rounds = Раунды:
trend-stage-entry = входной
trend-stage-intermediate = промежуточный
trend-stage-final = итоговый
trend-open = (идёт сбор ответов)
trend-all-schools = Все школы
trend-question = Вопрос { $n } из { $total }: { $text }
trend-kind-mean = Среднее по школам:
trend-kind-share = Доля ответов по школам:
trend-too-few = мало ответов
trend-points = п. п.
trend-legend = «—» и «мало ответов»: меньше { $min } { $min ->
    [one] ответа
    [few] ответов
    [many] ответов
   *[other] ответов
} (или их можно было бы вычислить из общих итогов) — цифры не показываем, чтобы никого нельзя было узнать.
trend-legend-schools = «—» — школа не ответила.
trend-legend-absent = «·» — в этом раунде вопроса не было.
trend-no-answer = нет ответов
trend-anonymous = Опрос анонимный: сравниваем только итоги, ответы людей между раундами ничем не связаны.
trend-more-in-xlsx = …и ещё { $count } { $count ->
    [one] школа
    [few] школы
    [many] школ
   *[other] школ
} — полностью в XLSX, лист «Динамика».
trend-previous = ‹ Назад
trend-next = Дальше ›
trend-chart = График
trend-single-round = Сравнивать пока не с чем: это первый раунд опроса. Динамика появится после следующего.
trend-nothing-to-compare = В раундах нет общих вопросов, которые можно сравнить (шкалы, числа, варианты ответа).
trend-chart-empty = Для графика пока нет цифр: везде меньше { $min } { $min ->
    [one] ответа
    [few] ответов
    [many] ответов
   *[other] ответов
}.
trend-sheet = Динамика
trend-col-figure = Показатель
trend-col-change = Изменение (первый → последний)
trend-figure-mean = среднее
trend-figure-share = { $option }, %
survey-prefill-offer = Вы уже отвечали на этот опрос в прошлый раз ({ $date }). Заполнить как в прошлый раз? Покажем каждый прошлый ответ — его можно оставить или изменить.
survey-prefill-yes = Да, как в прошлый раз
survey-prefill-no = Нет, заново
survey-prefill-gone = Прошлых ответов больше нет — заполним заново.
survey-prefill-was = В прошлый раз: { $answer }
survey-prefill-keep = Оставить
school-view-list = Итоги вашей школы:
school-view-round = Раунд: { $label }
school-view-mean = среднее { $mean }
school-view-too-few = Ответов из вашей школы: { $count }. Цифры показываем, когда их хотя бы { $min }, — так никого нельзя узнать по ответам.
school-view-withheld = Цифры вашей школы пока не показываем: в других школах слишком мало ответов, и по общим итогам их можно было бы вычислить. Покажем, когда ответов станет больше.
school-view-texts = Свободные ответы видит координатор.
school-view-not-answered = Школа ещё не ответила на этот опрос.

# code attempts
code-attempts-locked = Слишком много неверных попыток. Попробуйте снова через { $unit ->
    [hours] { $count } { $count ->
        [one] час
        [few] часа
       *[other] часов
    }
   *[minutes] { $count } { $count ->
        [one] минуту
        [few] минуты
       *[other] минут
    }
}.

# webhooks
file-unavailable = Не получилось забрать этот файл. Пришлите его, пожалуйста, ещё раз — обычным вложением прямо в этот чат.

# restore
restore-which-file = Какую копию восстановить? npm run cli -- restore FILE (сначала остановите «Опору»).
restore-error-unusable = Копию { $file } восстановить нельзя, ничего не изменено: { $reason }
restore-error-in-use = Базу { $database } держит открытой другой процесс — похоже, «Опора» работает. Остановите её и повторите; ничего не изменено.
restore-error-failed-check = Восстановленная база не прошла проверку целостности: { $reason }
restore-previous-kept = Прежняя база со всеми записанными в неё изменениями сохранена как { $previous }.
restore-erasures-replayed = Удалений, сделанных после снятия копии и повторённых сейчас: { $count }.
restore-erasures-unreadable = Журнал удалений прежней базы прочитать не удалось ({ $reason }): удаления, сделанные после снятия копии, не повторены — проверьте по журналу действий и повторите их вручную.
restore-done = Копия { $file } восстановлена в { $database }; проверка целостности пройдена.
backup-cli-done = Копия снята и проверена: { $path }
retention-cli-rounds = Опросов, ответы которых будут обезличены: { $rounds } (ответов: { $answers }).
retention-cli-people = Неактивных участников, чьи данные будут удалены: { $count }.
retention-cli-dry-run = Пробный запуск: ничего не изменено. Чтобы выполнить, добавьте --apply.
retention-cli-done = Готово.

# documents
document-limit-unpacked = Файл слишком большой в распакованном виде: больше { $mb } МБ. Пришлите, пожалуйста, файл поменьше или разбейте его на части.
document-limit-ratio = Файл сжат подозрительно сильно: одна его часть распаковывается больше чем в { $ratio ->
    [one] { $ratio } раз
    [few] { $ratio } раза
   *[other] { $ratio } раз
}. Такие архивы я не открываю — сохраните файл заново в Excel или Word и пришлите ещё раз.
document-limit-entries = Внутри файла слишком много частей: больше { $entries }. Сохраните его заново в Excel или Word и пришлите ещё раз.
document-limit-rows = В таблице больше { $rows ->
    [one] { $rows } строки
    [few] { $rows } строк
   *[other] { $rows } строк
} — столько я за раз не читаю. Разбейте её, пожалуйста, на части.
document-limit-cells = В таблице больше { $cells ->
    [one] { $cells } ячейки
    [few] { $cells } ячеек
   *[other] { $cells } ячеек
} — столько я за раз не читаю. Уберите лишние столбцы или разбейте таблицу на части.
document-limit-cell-length = В одной из ячеек больше { $chars ->
    [one] { $chars } знака
    [few] { $chars } знаков
   *[other] { $chars } знаков
}. Сократите её текст и пришлите файл ещё раз.
document-limit-text = В документе больше { $chars ->
    [one] { $chars } знака
    [few] { $chars } знаков
   *[other] { $chars } знаков
} текста — столько я за раз не читаю. Пришлите, пожалуйста, только нужную таблицу.
document-limit-time = Не успел прочитать файл за { $seconds } { $seconds ->
    [one] секунду
    [few] секунды
   *[other] секунд
  }: он слишком сложный. Упростите его или разбейте на части и пришлите ещё раз.
document-limit-memory = Файл слишком сложный: на его чтение нужно больше { $mb } МБ памяти. Разбейте его, пожалуйста, на части.

# admin command line
cli-usage =
    Командная строка «Опоры»

      npm run cli -- invite --role РОЛЬ --municipality НАЗВАНИЕ [--school НАЗВАНИЕ] [--uses N] [--days N] [--region НАЗВАНИЕ] [--timezone ЗОНА] [--json]
          Создаёт приглашение; если муниципалитета ещё нет, он будет создан.
          РОЛЬ — одна из: { $roles }. Код печатается последней строкой.
      npm run cli -- import ФАЙЛ --municipality НАЗВАНИЕ [--dry-run] [--json]
          Загружает школы или людей из файла XLSX или CSV.
      npm run cli -- seminar --municipality НАЗВАНИЕ --title ТЕМА --at "ДД.ММ.ГГГГ ЧЧ:ММ" --place МЕСТО [--format in_person|online] [--capacity N] [--series НАЗВАНИЕ] [--minutes N] [--role РОЛЬ]... [--school НАЗВАНИЕ]... [--urgent] [--json]
          Объявляет семинар его аудитории (по умолчанию — всему муниципалитету).
      npm run cli -- broadcast --municipality НАЗВАНИЕ --text ТЕКСТ [--role РОЛЬ]... [--school НАЗВАНИЕ]... [--urgent] [--json]
          Ставит объявление в очередь, разошлёт его работающая «Опора». Печатает номер рассылки.
      npm run cli -- roadmap import ФАЙЛ --municipality НАЗВАНИЕ --year ГГГГ [--school НАЗВАНИЕ] [--dry-run] [--json]
          Читает дорожную карту из DOCX, XLSX, CSV/TSV или текста; с --json печатает пункты и их сроки.
      npm run cli -- survey templates
      npm run cli -- survey import ФАЙЛ --municipality НАЗВАНИЕ
      npm run cli -- survey launch (--template КЛЮЧ | --survey НОМЕР) --municipality НАЗВАНИЕ [--days N] [--role РОЛЬ]... [--school НАЗВАНИЕ]...
      npm run cli -- survey export ЗАПУСК --out ФАЙЛ.xlsx|ФАЙЛ.csv
          Опросы из файлов JSON или YAML, их запуск и выгрузка ответов.
      npm run cli -- settings --municipality НАЗВАНИЕ [--confirm-consultations on|off] [--mentor-max-schools N] [--consultation-edit-days N] [--survey-min-group N] [--timezone ЗОНА]
          Собственные настройки муниципалитета; печатает их все.
      npm run cli -- backup [--out ПАПКА]
          Снимает резервную копию (можно, пока «Опора» работает) и проверяет её целостность. Путь к копии — последней строкой.
      npm run cli -- restore ФАЙЛ
          Проверяет копию, ставит её на место базы и проверяет результат. Пока «Опора» работает, не сработает — сначала остановите её. Прежняя база остаётся рядом, а удаления, сделанные после снятия копии, выполняются заново.
      npm run cli -- retention [--apply]
          Показывает, что по срокам хранения будет обезличено и удалено; с --apply выполняет это короткими транзакциями, которые работающей «Опоре» не мешают.
      npm run cli -- seed-demo
          Добавляет демонстрационный муниципалитет для песочницы.
cli-unknown-command = Не знаю команды «{ $command }».
cli-option-required = Нужен параметр { $option }.
cli-option-values = { $option } — одно из: { $values }.
cli-range = { $option } — целое число от { $min } до { $max }.
cli-positive = { $option } — целое число больше нуля.
cli-municipality-not-found = Муниципалитет «{ $name }» не найден.
cli-municipality-create-first = Муниципалитет «{ $name }» не найден. Сначала создайте его, например приглашением координатора: npm run cli -- invite --role coordinator --municipality НАЗВАНИЕ
cli-school-not-found = Школа «{ $school }» не найдена.
cli-roles-unknown = { $count ->
    [one] Неизвестная роль
    [few] Неизвестные роли
   *[other] Неизвестные роли
}: { $roles }. Можно: { $allowed }.
cli-which-file = Какой файл? { $usage }
cli-dry-run = Пробный запуск: ничего не записано.
cli-invite-created = Приглашение: { $role }, { $scope }; { $uses ->
    [one] { $uses } использование
    [few] { $uses } использования
   *[other] { $uses } использований
}, действует до { $until }.
cli-invite-send = Отправьте боту: /start { $code }
cli-demo-added = Демонстрационный муниципалитет добавлен.
cli-demo-exists = Демонстрационный муниципалитет уже есть.
cli-broadcast-queued = Рассылка в очереди: { $count ->
    [one] { $count } получатель
    [few] { $count } получателя
   *[other] { $count } получателей
}. Разошлёт её работающая «Опора».
cli-seminar-at-invalid = --at «{ $at }» — это не будущие дата и время по местному времени. Пример: «25.12.2026 15:00».
cli-seminar-announced = Семинар объявлен, приглашение уйдёт { $count ->
    [one] { $count } получателю
    [few] { $count } получателям
   *[other] { $count } получателям
}. Код для отметки присутствия: { $code }.
cli-year-invalid = --year — год, например 2024.
cli-roadmap-usage = Как вызвать: npm run cli -- roadmap import ФАЙЛ --municipality НАЗВАНИЕ --year ГГГГ [--school НАЗВАНИЕ] [--columns title=2,deadline=4,responsible=3,number=1] [--dry-run] [--json]
cli-roadmap-needs-columns = Не понял, в каком столбце таблицы что. Первые строки, столбцы пронумерованы:
cli-roadmap-columns-hint = Скажите сами, в каком столбце мероприятия, сроки, ответственные и, если есть, номера пунктов (считая с 1), например:
    npm run cli -- roadmap import ФАЙЛ --columns title=2,deadline=4,responsible=3,number=1
cli-roadmap-columns-invalid = Не понял --columns «{ $value }»: нужен хотя бы столбец мероприятий, каждый столбец — один раз, номера — с 1. Например:
    npm run cli -- roadmap import ФАЙЛ --columns title=2,deadline=4,responsible=3,number=1
cli-import-usage = npm run cli -- import ФАЙЛ --municipality НАЗВАНИЕ
cli-survey-usage =
    Как вызвать:
      npm run cli -- survey import ФАЙЛ --municipality НАЗВАНИЕ
      npm run cli -- survey launch (--template КЛЮЧ | --survey НОМЕР) --municipality НАЗВАНИЕ [--days N] [--role РОЛЬ]... [--school НАЗВАНИЕ]...
      npm run cli -- survey export ЗАПУСК --out ФАЙЛ.xlsx|ФАЙЛ.csv
      npm run cli -- survey templates
cli-survey-stored = Опрос «{ $title }» сохранён: { $count ->
    [one] { $count } вопрос
    [few] { $count } вопроса
   *[other] { $count } вопросов
}.
cli-survey-template-invalid = --template — один из: { $templates }. Или укажите сохранённый опрос: --survey НОМЕР.
cli-round-launched = Опрос запущен: { $count ->
    [one] { $count } приглашение ждёт отправки
    [few] { $count } приглашения ждут отправки
   *[other] { $count } приглашений ждут отправки
}.
cli-round-not-found = Запуск опроса «{ $round }» не найден.
cli-export-out = Укажите, куда сохранить: --out ФАЙЛ.xlsx или --out ФАЙЛ.csv.
cli-timezone-invalid = «{ $zone }» — не название часового пояса. Пример: Europe/Moscow.

# audit log in words
audit-text-invite-created = приглашение: { $role }, { $scope }, { $uses ->
    [one] { $uses } использование
    [few] { $uses } использования
   *[other] { $uses } использований
}
audit-text-role-granted = выдана роль «{ $role }»: { $name }
audit-text-people-imported = импорт людей: { $created ->
    [one] { $created } новый человек
    [few] { $created } новых человека
   *[other] { $created } новых человек
}, обновлено: { $updated }, без изменений: { $unchanged }
audit-text-schools-imported = импорт школ: { $created ->
    [one] { $created } новая школа
    [few] { $created } новые школы
   *[other] { $created } новых школ
}, обновлено: { $updated }, без изменений: { $unchanged }
audit-text-assignment-created = назначение: { $kind }
audit-kind-mentor_school = наставник школы
audit-kind-tutor_teacher = тьютор педагога
audit-kind-school_pair = пара школ
audit-text-assignment-replaced = { $count ->
    [one] заменило { $count } прежнее
    [few] заменило { $count } прежних
   *[other] заменило { $count } прежних
}
audit-text-broadcast-stopped = рассылка остановлена, не ушло { $count ->
    [one] { $count } сообщение
    [few] { $count } сообщения
   *[many] { $count } сообщений
}
audit-text-broadcast-sent = рассылка { $recipients ->
    [one] { $recipients } получателю
    [few] { $recipients } получателям
   *[other] { $recipients } получателям
}, { $urgent ->
    [yes] срочная
   *[no] не срочная
}
audit-text-seminar-cancelled = отменён семинар «{ $title }»: { $recipients ->
    [one] уведомлён { $recipients } участник
    [few] уведомлены { $recipients } участника
   *[other] уведомлено { $recipients } участников
}
audit-text-seminar-changed = изменён семинар «{ $title }» ({ $field ->
    [title] название
    [startsAt] дата и время
    [place] место
    [capacity] число мест
    [leads] напоминания
   *[other] описание
}): { $recipients ->
    [one] уведомлён { $recipients } участник
    [few] уведомлены { $recipients } участника
   *[other] уведомлено { $recipients } участников
}
audit-text-seminar-announced = объявлен семинар «{ $title }»: приглашение { $recipients ->
    [one] { $recipients } получателю
    [few] { $recipients } получателям
   *[other] { $recipients } получателям
}
audit-text-survey-launched = запущен опрос «{ $title }»: приглашение { $recipients ->
    [one] { $recipients } адресату
    [few] { $recipients } адресатам
   *[other] { $recipients } адресатам
}
audit-text-survey-closed = опрос «{ $title }» закрыт досрочно: ответили { $answered } из { $total }
audit-text-survey-extended = опрос «{ $title }» продлён до { $until }
audit-text-export = выгрузка персональных данных: { $what ->
    [consultations] консультации
    [audit] журнал действий
    [roadmap] дорожная карта
    [survey] ответы опроса
    [invites] приглашения
    [broadcast] отчёт о прочтении рассылки
   *[other] данные
}
audit-text-export-rows = { $count ->
    [one] { $count } строка
    [few] { $count } строки
   *[other] { $count } строк
}
audit-text-roadmap-imported = импорт дорожной карты: { $created ->
    [one] { $created } новый пункт
    [few] { $created } новых пункта
   *[other] { $created } новых пунктов
}, обновлено: { $updated }, убрано: { $removed }
audit-text-backup-restored = база восстановлена из копии «{ $file }», повторено удалений: { $replayed }
audit-text-retention-applied = по сроку хранения обезличены ответы { $rounds ->
    [one] { $rounds } опроса
    [few] { $rounds } опросов
   *[other] { $rounds } опросов
} и удалены данные { $people ->
    [one] { $people } участника
    [few] { $people } участников
   *[other] { $people } участников
}
audit-text-via-cli = через командную строку
audit-text-file = файл «{ $file }»
audit-scope-municipality = весь муниципалитет
audit-unknown = действие «{ $action }»
