<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>ArticleListModel</name>
    <message>
        <location filename="../../kbdesk/ui/editor/list_model.py" line="49"/>
        <source>Title</source>
        <translation>Заголовок</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/list_model.py" line="50"/>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/list_model.py" line="51"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/list_model.py" line="52"/>
        <source>Category</source>
        <translation>Категория</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/list_model.py" line="53"/>
        <source>Updated</source>
        <translation>Изменено</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/list_model.py" line="54"/>
        <source>Owner</source>
        <translation>Ответственный</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/list_model.py" line="55"/>
        <source>Review by</source>
        <translation>Проверить до</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/list_model.py" line="56"/>
        <source>Valid until</source>
        <translation>Действует до</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/list_model.py" line="57"/>
        <source>Feedback</source>
        <translation>Отзывы</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/list_model.py" line="60"/>
        <source>article</source>
        <translation>статья</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/list_model.py" line="60"/>
        <source>template</source>
        <translation>шаблон</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/list_model.py" line="62"/>
        <source>draft</source>
        <translation>черновик</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/list_model.py" line="63"/>
        <source>published</source>
        <translation>опубл.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/list_model.py" line="64"/>
        <source>archived</source>
        <translation>в архиве</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/list_model.py" line="147"/>
        <source>Review overdue</source>
        <translation>Проверка просрочена</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/list_model.py" line="149"/>
        <source>Expired: operators see it flagged</source>
        <translation>Срок истёк: операторы видят пометку</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../kbdesk/ui/editor/conflict.py" line="49"/>
        <source>Changed by someone else</source>
        <translation>Изменено другим пользователем</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/conflict.py" line="51"/>
        <source>someone else</source>
        <translation>кто-то другой</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/conflict.py" line="54"/>
        <source>“{title}” was saved by {who} at {when} (version {theirs}) after you opened version {mine}. Compare the two and decide: nothing is saved until you do.</source>
        <translation>Материал «{title}» сохранён {when} (версия {theirs}, автор: {who}) после того, как вы открыли версию {mine}. Сравните обе версии и решите: пока вы не выберете, ничего не сохраняется.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/conflict.py" line="70"/>
        <source>theirs (version {version}, {who})</source>
        <translation>их версия ({version}, {who})</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/conflict.py" line="73"/>
        <location filename="../../kbdesk/ui/editor/conflict.py" line="153"/>
        <source>yours</source>
        <translation>ваша версия</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/conflict.py" line="74"/>
        <source>No differences.</source>
        <translation>Различий нет.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/conflict.py" line="83"/>
        <source>Theirs (now in the knowledge base)</source>
        <translation>Их версия (сейчас в базе знаний)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/conflict.py" line="84"/>
        <source>Yours (not saved)</source>
        <translation>Ваша версия (не сохранена)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/conflict.py" line="91"/>
        <source>&amp;Differences</source>
        <translation>&amp;Отличия</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/conflict.py" line="92"/>
        <source>&amp;Side by side</source>
        <translation>&amp;Рядом</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/conflict.py" line="93"/>
        <source>&amp;Overwrite with mine</source>
        <translation>&amp;Записать мою</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/conflict.py" line="95"/>
        <source>Save your version; theirs stays in the history and can be restored</source>
        <translation>Сохранить вашу версию; их версия останется в истории, её можно восстановить</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/conflict.py" line="97"/>
        <source>&amp;Take theirs</source>
        <translation>&amp;Взять их версию</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/conflict.py" line="98"/>
        <source>Drop your changes and load their version</source>
        <translation>Отбросить ваши изменения и загрузить их версию</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/conflict.py" line="99"/>
        <source>&amp;Merge…</source>
        <translation>О&amp;бъединить…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/conflict.py" line="102"/>
        <source>Combine both into the editor: changes to different lines are joined, overlapping ones are marked for you to resolve before saving</source>
        <translation>Объединить обе версии в редакторе: изменения в разных строках совмещаются, пересекающиеся отмечаются, чтобы вы разрешили их до сохранения</translation>
    </message>
</context>
<context>
    <name>ContactTableModel</name>
    <message>
        <location filename="../../kbdesk/ui/dashboard/models.py" line="302"/>
        <source>Contacts</source>
        <translation>Контакты</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/models.py" line="303"/>
        <source>Calls and chats in which the operator searched, opened or copied an answer</source>
        <translation>Звонки и чаты, в которых оператор искал, открывал или копировал ответ</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/models.py" line="304"/>
        <source>Replies</source>
        <translation>Ответы</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/models.py" line="304"/>
        <source>Replies copied in them</source>
        <translation>Ответы, скопированные во время них</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/models.py" line="305"/>
        <source>Replies per contact</source>
        <translation>Ответов на контакт</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message numerus="yes">
        <location filename="../../kbdesk/ui/dashboard/page.py" line="93"/>
        <source>Last %n days</source>
        <translation>
            <numerusform>Последний %n день</numerusform>
            <numerusform>Последние %n дня</numerusform>
            <numerusform>Последние %n дней</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/page.py" line="94"/>
        <source>Custom…</source>
        <translation>Свой период…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/page.py" line="104"/>
        <source>By day</source>
        <translation>По дням</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/page.py" line="105"/>
        <source>By week</source>
        <translation>По неделям</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/page.py" line="109"/>
        <source> days</source>
        <translation> дн.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/page.py" line="110"/>
        <source>Published items unused this long count as stale</source>
        <translation>Опубликованные материалы, не использованные столько дней, считаются устаревшими</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/page.py" line="111"/>
        <source>&amp;Refresh</source>
        <translation>Об&amp;новить</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/page.py" line="112"/>
        <source>Recompute every table (F5)</source>
        <translation>Пересчитать все таблицы (F5)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/page.py" line="114"/>
        <source>&amp;Export</source>
        <translation>&amp;Экспорт</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/page.py" line="117"/>
        <source>This table as CSV…</source>
        <translation>Эта таблица в CSV…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/page.py" line="118"/>
        <source>All tables as CSV files…</source>
        <translation>Все таблицы в файлы CSV…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/page.py" line="119"/>
        <source>All tables as an Excel workbook…</source>
        <translation>Все таблицы в книгу Excel…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/page.py" line="125"/>
        <source>Period:</source>
        <translation>Период:</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/page.py" line="132"/>
        <source>Stale after:</source>
        <translation>Устаревает через:</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/page.py" line="143"/>
        <source>Contacts: calls and chats in which the operator searched, opened or copied an answer. Replies per contact: replies copied in them, on average.</source>
        <translation>Контакты — звонки и чаты, в которых оператор искал, открывал или копировал ответ. Ответов на контакт — сколько ответов в среднем скопировано за один контакт.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/page.py" line="147"/>
        <source>Contacts</source>
        <translation>Контакты</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/page.py" line="150"/>
        <source>&amp;Draft an article for this</source>
        <translation>Создать статью по &amp;запросу</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/page.py" line="151"/>
        <source>Open the editor with this query as a new article</source>
        <translation>Открыть редактор с новой статьёй по этому запросу</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/page.py" line="155"/>
        <source>Answers</source>
        <translation>Материалы</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/page.py" line="156"/>
        <source>Operators</source>
        <translation>Операторы</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/page.py" line="157"/>
        <source>Content gaps</source>
        <translation>Пробелы в базе</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/page.py" line="158"/>
        <source>Stale content</source>
        <translation>Устаревшее</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/page.py" line="159"/>
        <source>Trend</source>
        <translation>Динамика</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/page.py" line="197"/>
        <source>Double-click or press Enter on a query to draft an article.</source>
        <translation>Дважды щёлкните запрос или нажмите Enter, чтобы начать статью.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/page.py" line="223"/>
        <source>Updating…</source>
        <translation>Обновление…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/page.py" line="251"/>
        <source>{uses} uses · {resolved} of {outcomes} requests resolved ({rate}) · {gaps} content gaps · {stale} stale items</source>
        <translation>Использований: {uses} · решено обращений: {resolved} из {outcomes} ({rate}) · пробелов в базе: {gaps} · устаревших материалов: {stale}</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/page.py" line="264"/>
        <source>Updated in {ms:.0f} ms</source>
        <translation>Обновлено за {ms:.0f} мс</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/page.py" line="273"/>
        <source>Contacts: {contacts} · replies per contact: {per}</source>
        <translation>Контактов: {contacts} · ответов на контакт: {per}</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/page.py" line="281"/>
        <source>Could not update: {error}</source>
        <translation>Не удалось обновить: {error}</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/page.py" line="328"/>
        <source>&lt;!-- Operators searched for “{query}” {searches} times; {none} searches found nothing and {uncopied} found nothing worth copying. --&gt;

</source>
        <translation>&lt;!-- Операторы искали «{query}»: всего поисков — {searches}, ничего не нашлось — {none}, не нашлось подходящего для копирования — {uncopied}. --&gt;

</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/page.py" line="350"/>
        <source>Export table</source>
        <translation>Экспорт таблицы</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/page.py" line="356"/>
        <source>Export tables to a folder</source>
        <translation>Экспорт таблиц в папку</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/page.py" line="363"/>
        <source>Export tables</source>
        <translation>Экспорт таблиц</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/page.py" line="364"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Книга Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/page.py" line="381"/>
        <source>Export failed</source>
        <translation>Ошибка экспорта</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kbdesk/ui/dashboard/page.py" line="383"/>
        <source>Exported %n file(s)</source>
        <translation>
            <numerusform>Экспортирован %n файл</numerusform>
            <numerusform>Экспортировано %n файла</numerusform>
            <numerusform>Экспортировано %n файлов</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Desktop</name>
    <message>
        <location filename="../../kbdesk/ui/desktop.py" line="130"/>
        <source>This X server cannot type into other windows (no XTEST).</source>
        <translation>Этот X-сервер не позволяет вводить текст в другие окна (нет XTEST).</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/desktop.py" line="310"/>
        <source>The global hotkey is not available here ({error}).</source>
        <translation>Глобальная горячая клавиша здесь недоступна ({error}).</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/desktop.py" line="316"/>
        <source>Wayland does not let applications set global hotkeys or type into other windows: open the quick answer from the tray icon; the reply is copied for you to paste with Ctrl+V.</source>
        <translation>Wayland не разрешает программам назначать глобальные горячие клавиши и вводить текст в другие окна: откройте быстрый ответ значком в трее; ответ будет скопирован, вставьте его сочетанием Ctrl+V.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/desktop.py" line="323"/>
        <source>On macOS the quick answer opens from the menu bar icon and copies the reply; paste it with Cmd+V.</source>
        <translation>В macOS быстрый ответ открывается значком в строке меню и копирует ответ; вставьте его сочетанием Cmd+V.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/desktop.py" line="329"/>
        <source>No global hotkey on this platform: the reply is copied for you to paste.</source>
        <translation>На этой платформе нет глобальной горячей клавиши: ответ копируется, вставьте его сами.</translation>
    </message>
</context>
<context>
    <name>EditorChecks</name>
    <message>
        <location filename="../../kbdesk/ui/editor/checks.py" line="22"/>
        <source>“{fragment}”: &apos;{{&apos; is not closed by &apos;}}&apos; on the same line</source>
        <translation>«{fragment}»: у «{{» нет закрывающих «}}» в той же строке</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/checks.py" line="25"/>
        <source>“{fragment}”: &apos;{{&apos; opened again before &apos;}}&apos;</source>
        <translation>«{fragment}»: «{{» открыты повторно до «}}»</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/checks.py" line="26"/>
        <source>“{fragment}”: the placeholder has no name</source>
        <translation>«{fragment}»: у переменной нет имени</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/checks.py" line="27"/>
        <source>“{fragment}”: use letters, digits and &apos;_&apos; in names, not starting with a digit</source>
        <translation>«{fragment}»: в именах допустимы буквы, цифры и «_»; имя не может начинаться с цифры</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/checks.py" line="31"/>
        <source>“{fragment}”: the block has no closing &apos;:::&apos; line</source>
        <translation>«{fragment}»: у блока нет закрывающей строки «:::»</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/checks.py" line="34"/>
        <source>“{fragment}”: unknown channel; use phone, chat or email</source>
        <translation>«{fragment}»: неизвестный канал; используйте phone, chat или email</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/checks.py" line="37"/>
        <source>“{fragment}”: a second block for this channel; it is added to the first</source>
        <translation>«{fragment}»: второй блок для этого канала; он добавляется к первому</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/checks.py" line="41"/>
        <source>“{fragment}”: unknown form after &apos;:&apos;; see the placeholder help for the forms</source>
        <translation>«{fragment}»: непонятная форма после «:»; формы описаны в справке о полях шаблона</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/checks.py" line="45"/>
        <source>“{fragment}”: a word here has no feminine form; write both as &apos;masculine/feminine&apos;</source>
        <translation>«{fragment}»: у слова нет женского рода; напишите обе формы через «/»: «мужская/женская»</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/checks.py" line="49"/>
        <source>“{fragment}”: the word after &apos;#&apos; is not a noun that can be counted</source>
        <translation>«{fragment}»: слово после «#» — не существительное, которое можно согласовать с числом</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/checks.py" line="52"/>
        <source>“{fragment}”: the name mixes Cyrillic and Latin letters that look alike</source>
        <translation>«{fragment}»: в имени поля смешаны похожие кириллические и латинские буквы</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/checks.py" line="82"/>
        <source>link to “{slug}”: no item has this slug</source>
        <translation>ссылка на «{slug}»: материала с таким ярлыком нет</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/checks.py" line="87"/>
        <source>link to “{slug}”: the item is archived</source>
        <translation>ссылка на «{slug}»: материал в архиве</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/checks.py" line="93"/>
        <source>link to “{slug}”: the item is a draft, not published yet</source>
        <translation>ссылка на «{slug}»: материал — черновик, ещё не опубликован</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/checks.py" line="104"/>
        <source>merge conflict marker: resolve it before saving</source>
        <translation>маркер конфликта слияния: разрешите конфликт перед сохранением</translation>
    </message>
</context>
<context>
    <name>EditorPage</name>
    <message>
        <location filename="../../kbdesk/ui/editor/conflict.py" line="169"/>
        <source>Unsaved changes</source>
        <translation>Несохранённые изменения</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/conflict.py" line="170"/>
        <source>Save the changes to “{title}”?</source>
        <translation>Сохранить изменения в «{title}»?</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/page.py" line="114"/>
        <source>&amp;New</source>
        <translation>&amp;Создать</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/page.py" line="114"/>
        <source>New (Ctrl+N)</source>
        <translation>Создать (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/page.py" line="116"/>
        <source>&amp;Save</source>
        <translation>Со&amp;хранить</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/page.py" line="116"/>
        <source>Save as a new revision (Ctrl+S)</source>
        <translation>Сохранить как новую версию (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/page.py" line="119"/>
        <source>&amp;Discard changes</source>
        <translation>&amp;Отменить изменения</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/page.py" line="119"/>
        <source>Back to the saved text</source>
        <translation>Вернуться к сохранённому тексту</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/page.py" line="122"/>
        <location filename="../../kbdesk/ui/editor/page.py" line="297"/>
        <source>&amp;Archive</source>
        <translation>В &amp;архив</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/page.py" line="122"/>
        <source>Hide it from operators</source>
        <translation>Скрыть от операторов</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/page.py" line="125"/>
        <source>&amp;History…</source>
        <translation>&amp;История…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/page.py" line="125"/>
        <source>Revisions (Ctrl+H)</source>
        <translation>Версии (Ctrl+H)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/page.py" line="155"/>
        <source>This item no longer exists.</source>
        <translation>Этого материала больше нет.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/page.py" line="338"/>
        <source>Feedback marked handled; the operator will see it.</source>
        <translation>Отзыв отмечен как обработанный; оператор это увидит.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/autosave.py" line="110"/>
        <source>Your unsaved changes from {when} are back. The item has been saved since (version {old} → {new}): saving will show you both.</source>
        <translation>Ваши несохранённые изменения от {when} восстановлены. С тех пор материал уже сохраняли (версия {old} → {new}): при сохранении будут показаны обе версии.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/autosave.py" line="119"/>
        <source>Your unsaved changes from {when} are back.</source>
        <translation>Ваши несохранённые изменения от {when} восстановлены.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/saving.py" line="110"/>
        <source>Fix the marked fields to save.</source>
        <translation>Чтобы сохранить, исправьте отмеченные поля.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/saving.py" line="117"/>
        <source>Resolve the merge conflicts first: keep the right text and delete the lines starting with &lt;&lt;&lt;&lt;&lt;&lt;&lt;, ======= and &gt;&gt;&gt;&gt;&gt;&gt;&gt;.</source>
        <translation>Сначала разрешите конфликты слияния: оставьте нужный текст и удалите строки, начинающиеся с &lt;&lt;&lt;&lt;&lt;&lt;&lt;, ======= и &gt;&gt;&gt;&gt;&gt;&gt;&gt;.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/saving.py" line="151"/>
        <source>This item was deleted meanwhile.</source>
        <translation>Тем временем этот материал удалили.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/saving.py" line="160"/>
        <source>Not saved: {error}</source>
        <translation>Не сохранено: {error}</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/saving.py" line="171"/>
        <source>Saved as revision {number}.</source>
        <translation>Сохранено как версия {number}.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/saving.py" line="175"/>
        <source>Nothing changed: no new revision.</source>
        <translation>Изменений нет: новая версия не создана.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/saving.py" line="205"/>
        <source>Not published: the problems marked below the text would reach operators.</source>
        <translation>Не опубликовано: отмеченные под текстом ошибки дошли бы до операторов.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/saving.py" line="218"/>
        <source>Saved as a draft: operators do not see it until it is published.</source>
        <translation>Сохранено как черновик: операторы не увидят его, пока он не опубликован.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/saving.py" line="242"/>
        <source>Your changes were dropped: this is their version.</source>
        <translation>Ваши изменения отброшены: открыта их версия.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/saving.py" line="251"/>
        <source>Not saved: {who} saved this item meanwhile.</source>
        <translation>Не сохранено: тем временем материал был изменён (автор: {who}).</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/saving.py" line="321"/>
        <source>Revision {number} has problems that would reach operators, so it is not restored as published. Open it in the history, fix it, and save.</source>
        <translation>В ревизии {number} есть ошибки, которые дошли бы до операторов, поэтому опубликованной она не восстанавливается. Откройте её в истории, исправьте и сохраните.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/saving.py" line="43"/>
        <source>someone else</source>
        <translation>кто-то другой</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/saving.py" line="266"/>
        <source>theirs, version {version}</source>
        <translation>их версия {version}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kbdesk/ui/editor/page.py" line="260"/>
        <source>Merged with version {version}. %n place(s) changed on both sides are marked: keep the right text, delete the marker lines, then save.</source>
        <translation>
            <numerusform>Объединено с версией {version}. Отмечено %n место, изменённое с обеих сторон: оставьте нужный текст, удалите строки-маркеры и сохраните.</numerusform>
            <numerusform>Объединено с версией {version}. Отмечено %n места, изменённых с обеих сторон: оставьте нужный текст, удалите строки-маркеры и сохраните.</numerusform>
            <numerusform>Объединено с версией {version}. Отмечено %n мест, изменённых с обеих сторон: оставьте нужный текст, удалите строки-маркеры и сохраните.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/page.py" line="272"/>
        <source>Merged with version {version}: check the result and save.</source>
        <translation>Объединено с версией {version}: проверьте результат и сохраните.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/page.py" line="278"/>
        <source>Both of you changed: {fields}; yours were kept.</source>
        <translation>Вы оба изменили: {fields}; оставлены ваши значения.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/saving.py" line="88"/>
        <source>Operators cannot change the knowledge base; ask a team lead.</source>
        <translation>Операторы не могут изменять базу знаний; обратитесь к руководителю группы.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/page.py" line="227"/>
        <source>the new item</source>
        <translation>новый материал</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/page.py" line="297"/>
        <source>Un&amp;archive</source>
        <translation>Из &amp;архива</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/page.py" line="307"/>
        <source>You are signed in as an operator: editing needs the editor or team lead role.</source>
        <translation>Вы вошли как оператор: для редактирования нужна роль редактора или руководителя группы.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/saving.py" line="297"/>
        <source>{who} saved a newer version ({version}) meanwhile. When you save, you will see both and decide.</source>
        <translation>Тем временем сохранена более новая версия ({version}), автор: {who}. При сохранении вы увидите обе и сможете выбрать.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/saving.py" line="307"/>
        <source>Updated to version {version}, saved by {who}.</source>
        <translation>Обновлено до версии {version}, автор: {who}.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/page.py" line="382"/>
        <source>No item has the slug “{slug}”.</source>
        <translation>Нет материала с ярлыком «{slug}».</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/page.py" line="396"/>
        <source>Discard changes</source>
        <translation>Отменить изменения</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/page.py" line="397"/>
        <source>Drop all unsaved changes to this item?</source>
        <translation>Отменить все несохранённые изменения этого материала?</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/saving.py" line="335"/>
        <source>Revision {old} restored as revision {new}.</source>
        <translation>Версия {old} восстановлена как версия {new}.</translation>
    </message>
</context>
<context>
    <name>FeedbackDialog</name>
    <message>
        <location filename="../../kbdesk/ui/workspace/feedback_dialog.py" line="28"/>
        <source>Report a problem with this answer</source>
        <translation>Сообщить о проблеме с ответом</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/feedback_dialog.py" line="29"/>
        <source>«{title}» is…</source>
        <translation>«{title}»…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/feedback_dialog.py" line="32"/>
        <source>&amp;1  outdated</source>
        <translation>&amp;1  устарело</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/feedback_dialog.py" line="33"/>
        <source>&amp;2  wrong</source>
        <translation>&amp;2  неверно</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/feedback_dialog.py" line="34"/>
        <source>&amp;3  missing something</source>
        <translation>&amp;3  чего-то не хватает</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/feedback_dialog.py" line="48"/>
        <source>What is wrong (optional)</source>
        <translation>Что не так (необязательно)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/feedback_dialog.py" line="54"/>
        <source>Send to the owner</source>
        <translation>Отправить владельцу</translation>
    </message>
</context>
<context>
    <name>FeedbackListModel</name>
    <message>
        <location filename="../../kbdesk/ui/editor/feedback_panel.py" line="47"/>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/feedback_panel.py" line="48"/>
        <source>Who</source>
        <translation>Кто</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/feedback_panel.py" line="49"/>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/feedback_panel.py" line="50"/>
        <source>Comment</source>
        <translation>Комментарий</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/feedback_panel.py" line="51"/>
        <source>Query, channel</source>
        <translation>Запрос, канал</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/feedback_panel.py" line="54"/>
        <source>outdated</source>
        <translation>устарело</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/feedback_panel.py" line="55"/>
        <source>wrong</source>
        <translation>неверно</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/feedback_panel.py" line="56"/>
        <source>missing something</source>
        <translation>чего-то не хватает</translation>
    </message>
</context>
<context>
    <name>FeedbackPanel</name>
    <message>
        <location filename="../../kbdesk/ui/editor/feedback_panel.py" line="123"/>
        <source>What was done (the operator sees it)</source>
        <translation>Что сделано (оператор это увидит)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/feedback_panel.py" line="124"/>
        <source>Mark &amp;handled</source>
        <translation>Отметить &amp;обработанным</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kbdesk/ui/editor/feedback_panel.py" line="138"/>
        <source>Operators&apos; feedback not handled yet: %n</source>
        <translation>
            <numerusform>Необработанные отзывы операторов: %n</numerusform>
            <numerusform>Необработанные отзывы операторов: %n</numerusform>
            <numerusform>Необработанные отзывы операторов: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GapTableModel</name>
    <message>
        <location filename="../../kbdesk/ui/dashboard/models.py" line="256"/>
        <source>nothing found</source>
        <translation>ничего не найдено</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/models.py" line="257"/>
        <source>found, not copied</source>
        <translation>найдено, не скопировано</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/models.py" line="258"/>
        <source>both</source>
        <translation>и то, и другое</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/models.py" line="261"/>
        <source>Query</source>
        <translation>Запрос</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/models.py" line="262"/>
        <source>Missed</source>
        <translation>Промахи</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/models.py" line="263"/>
        <source>Searches that found nothing or whose results nobody copied</source>
        <translation>Поиски, которые ничего не нашли или результаты которых никто не скопировал</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/models.py" line="264"/>
        <source>Searches</source>
        <translation>Поиски</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/models.py" line="265"/>
        <source>Nothing found</source>
        <translation>Ничего не найдено</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/models.py" line="266"/>
        <source>Not copied</source>
        <translation>Не скопировано</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/models.py" line="267"/>
        <source>Why</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/models.py" line="268"/>
        <source>Last searched</source>
        <translation>Последний поиск</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../kbdesk/ui/editor/history.py" line="105"/>
        <source>History of “{title}”</source>
        <translation>История: «{title}»</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/history.py" line="114"/>
        <source>Ctrl+click a second revision to compare the two</source>
        <translation>Ctrl+щелчок по второй версии — сравнить две версии</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/history.py" line="117"/>
        <source>&amp;Restore this revision</source>
        <translation>&amp;Восстановить эту версию</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/history.py" line="119"/>
        <source>Saves the selected revision as a new one; nothing is lost</source>
        <translation>Сохраняет выбранную версию как новую; ничего не теряется</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/history.py" line="163"/>
        <source>Select a revision.</source>
        <translation>Выберите версию.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/history.py" line="170"/>
        <source>Revision {number} is the first one.</source>
        <translation>Версия {number} — первая.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/history.py" line="171"/>
        <source>nothing</source>
        <translation>ничего</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/history.py" line="174"/>
        <source>Changes from revision {old} to revision {new}</source>
        <translation>Изменения от версии {old} к версии {new}</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/history.py" line="177"/>
        <location filename="../../kbdesk/ui/editor/history.py" line="184"/>
        <source>revision {number}</source>
        <translation>версия {number}</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/history.py" line="185"/>
        <source>No differences.</source>
        <translation>Различий нет.</translation>
    </message>
</context>
<context>
    <name>ImportReason</name>
    <message>
        <location filename="../../kbdesk/ui/editor/reasons.py" line="19"/>
        <source>no such file or folder</source>
        <translation>нет такого файла или папки</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/reasons.py" line="20"/>
        <source>cannot be read</source>
        <translation>не удаётся прочитать</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/reasons.py" line="21"/>
        <source>cannot be read: {error}</source>
        <translation>не удаётся прочитать: {error}</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/reasons.py" line="22"/>
        <source>the folder cannot be read: {error}</source>
        <translation>не удаётся прочитать папку: {error}</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/reasons.py" line="23"/>
        <source>not a regular file ({kind}): skipped</source>
        <translation>не обычный файл ({kind}): пропущен</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/reasons.py" line="24"/>
        <source>the file is too large (the limit is {limit} MB)</source>
        <translation>файл слишком большой (предел — {limit} МБ)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/reasons.py" line="27"/>
        <source>the zip holds over {limit} files</source>
        <translation>в архиве zip больше {limit} файлов</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/reasons.py" line="28"/>
        <source>the zip&apos;s table of contents is too large</source>
        <translation>оглавление архива zip слишком большое</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/reasons.py" line="31"/>
        <source>not a readable zip archive: {error}</source>
        <translation>не удаётся прочитать архив zip: {error}</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/reasons.py" line="32"/>
        <source>cannot be unpacked: {error}</source>
        <translation>не удаётся распаковать: {error}</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/reasons.py" line="33"/>
        <source>the slug “{slug}” is also used by {other}</source>
        <translation>ярлык «{slug}» уже занят файлом {other}</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/reasons.py" line="37"/>
        <source>the file is too large ({size} MB; the limit is {limit} MB)</source>
        <translation>файл слишком большой ({size} МБ при пределе {limit} МБ)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/reasons.py" line="40"/>
        <source>a binary file, not markdown text</source>
        <translation>двоичный файл, а не текст Markdown</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/reasons.py" line="41"/>
        <source>not UTF-8 text (bad byte at position {position}); save it as UTF-8</source>
        <translation>текст не в кодировке UTF-8 (неверный байт в позиции {position}); сохраните файл в UTF-8</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/reasons.py" line="44"/>
        <source>no front matter: the file must start with “---”, a “title:” line and “---”</source>
        <translation>нет блока метаданных: файл должен начинаться со строки «---», строки «title:» и «---»</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/reasons.py" line="48"/>
        <source>the front matter is not valid YAML: {problem}</source>
        <translation>блок метаданных — не корректный YAML: {problem}</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/reasons.py" line="49"/>
        <source>the front matter is not valid YAML at line {line}: {problem}</source>
        <translation>блок метаданных — не корректный YAML (строка {line}): {problem}</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/reasons.py" line="52"/>
        <source>the front matter must be “key: value” lines</source>
        <translation>блок метаданных должен состоять из строк «ключ: значение»</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/reasons.py" line="55"/>
        <source>no title: add a “title:” line to the front matter</source>
        <translation>нет заголовка: добавьте в блок метаданных строку «title:»</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/reasons.py" line="58"/>
        <source>the slug “{slug}” may hold only letters, digits, “-”, “_” and “.” (no spaces or “/”)</source>
        <translation>ярлык «{slug}» может содержать только буквы, цифры, «-», «_» и «.» (без пробелов и «/»)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/reasons.py" line="62"/>
        <source>“{key}: {value}” is not one of: {options}</source>
        <translation>«{key}: {value}» — допустимо только: {options}</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/reasons.py" line="63"/>
        <source>“{key}” must be plain text</source>
        <translation>«{key}» должен быть обычным текстом</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/reasons.py" line="64"/>
        <source>“review_by: {value}” is not a date like 2026-12-31</source>
        <translation>«review_by: {value}» — не дата вида 2026-12-31</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/reasons.py" line="67"/>
        <source>“{key}: {value}” is not a date like 2026-12-31</source>
        <translation>«{key}: {value}» — не дата вида 2026-12-31</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/reasons.py" line="70"/>
        <source>saved as a draft, not published: problems found: {count}, the first on line {line}: {problems}</source>
        <translation>сохранено как черновик, не опубликовано: найдено проблем: {count}, первая в строке {line}: {problems}</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/reasons.py" line="75"/>
        <source>“tags” must be a list, e.g. tags: [доставка, курьер]</source>
        <translation>«tags» должен быть списком, например: tags: [доставка, курьер]</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/reasons.py" line="78"/>
        <source>a tag must be a word, not {tag}</source>
        <translation>метка должна быть словом, а не {tag}</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/reasons.py" line="79"/>
        <source>unknown key “{key}” ignored</source>
        <translation>неизвестный ключ «{key}» пропущен</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/reasons.py" line="80"/>
        <source>the field “{field}” holds a character that cannot be stored ({character}); remove it</source>
        <translation>в поле «{field}» есть символ, который нельзя сохранить ({character}); удалите его</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/reasons.py" line="84"/>
        <source>the text holds a character that cannot be stored ({character}) on line {line}; remove it</source>
        <translation>в тексте есть символ, который нельзя сохранить ({character}), в строке {line}; удалите его</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/reasons.py" line="88"/>
        <source>the title cannot be empty</source>
        <translation>заголовок не может быть пустым</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/reasons.py" line="89"/>
        <source>the kind must be one of {options}, not “{value}”</source>
        <translation>тип должен быть одним из: {options}, а не «{value}»</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/reasons.py" line="92"/>
        <source>the status must be one of {options}, not “{value}”</source>
        <translation>статус должен быть одним из: {options}, а не «{value}»</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/reasons.py" line="99"/>
        <source>a pipe</source>
        <translation>канал</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/reasons.py" line="100"/>
        <source>a socket</source>
        <translation>сокет</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/reasons.py" line="101"/>
        <source>a device</source>
        <translation>устройство</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/reasons.py" line="102"/>
        <source>Title</source>
        <translation>Заголовок</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/reasons.py" line="103"/>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/reasons.py" line="104"/>
        <source>Category</source>
        <translation>Категория</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/reasons.py" line="105"/>
        <source>Owner</source>
        <translation>Ответственный</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/reasons.py" line="106"/>
        <source>Tags</source>
        <translation>Метки</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <location filename="../../kbdesk/ui/editor/transfer_dialog.py" line="112"/>
        <source>Import report</source>
        <translation>Отчёт об импорте</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/transfer_dialog.py" line="115"/>
        <source>{created} created, {updated} updated, {unchanged} unchanged, {failed} failed</source>
        <translation>Создано: {created}, обновлено: {updated}, без изменений: {unchanged}, с ошибкой: {failed}</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/transfer_dialog.py" line="125"/>
        <source>File or item</source>
        <translation>Файл или материал</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/transfer_dialog.py" line="125"/>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/transfer_dialog.py" line="125"/>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/transfer_dialog.py" line="129"/>
        <source>failed</source>
        <translation>ошибка</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/transfer_dialog.py" line="131"/>
        <source>warning</source>
        <translation>предупреждение</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/transfer_dialog.py" line="133"/>
        <source>created</source>
        <translation>создан</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/transfer_dialog.py" line="134"/>
        <source>updated</source>
        <translation>обновлён</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/transfer_dialog.py" line="135"/>
        <source>unchanged</source>
        <translation>без изменений</translation>
    </message>
</context>
<context>
    <name>ItemEditor</name>
    <message>
        <location filename="../../kbdesk/ui/editor/item_editor.py" line="56"/>
        <source>Markdown. Link to another item with [[slug]] or [[slug|text]].</source>
        <translation>Markdown. Ссылка на другой материал: [[ярлык]] или [[ярлык|текст]].</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/item_editor.py" line="175"/>
        <source>New item</source>
        <translation>Новый материал</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/item_editor.py" line="177"/>
        <source>{title} (new)</source>
        <translation>{title} (новый)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/item_editor.py" line="179"/>
        <source>Unsaved changes</source>
        <translation>Есть несохранённые изменения</translation>
    </message>
</context>
<context>
    <name>ItemForm</name>
    <message>
        <location filename="../../kbdesk/ui/editor/form.py" line="71"/>
        <source>What the client asks about</source>
        <translation>О чём спрашивает клиент</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/form.py" line="73"/>
        <source>Article</source>
        <translation>Статья</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/form.py" line="74"/>
        <source>Response template</source>
        <translation>Шаблон ответа</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/form.py" line="76"/>
        <source>Draft</source>
        <translation>Черновик</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/form.py" line="77"/>
        <source>Published</source>
        <translation>Опубликовано</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/form.py" line="78"/>
        <source>Archived</source>
        <translation>В архиве</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/form.py" line="81"/>
        <source>Letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos;; used in [[links]]</source>
        <translation>Буквы, цифры, «-», «_» и «.»; используется в [[ссылках]]</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/form.py" line="86"/>
        <source>comma, separated, tags</source>
        <translation>метки, через, запятую</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/form.py" line="91"/>
        <source>Who keeps it correct</source>
        <translation>Кто следит за актуальностью</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/form.py" line="95"/>
        <source>Review by</source>
        <translation>Проверить до</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/form.py" line="100"/>
        <source>Valid until</source>
        <translation>Действует до</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/form.py" line="102"/>
        <source>After this day operators see the answer flagged and confirm each copy</source>
        <translation>После этого дня операторы видят пометку и подтверждают каждое копирование</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/form.py" line="118"/>
        <source>&amp;Title:</source>
        <translation>&amp;Заголовок:</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/form.py" line="124"/>
        <source>&amp;Kind:</source>
        <translation>Т&amp;ип:</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/form.py" line="124"/>
        <source>St&amp;atus:</source>
        <translation>&amp;Статус:</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/form.py" line="125"/>
        <source>S&amp;lug:</source>
        <translation>&amp;Ярлык:</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/form.py" line="125"/>
        <source>&amp;Category:</source>
        <translation>&amp;Категория:</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/form.py" line="126"/>
        <source>Ta&amp;gs:</source>
        <translation>&amp;Метки:</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/form.py" line="126"/>
        <source>&amp;Owner:</source>
        <translation>Отв&amp;етственный:</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/form.py" line="241"/>
        <source>A title is required.</source>
        <translation>Укажите заголовок.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/form.py" line="245"/>
        <source>A slug is required.</source>
        <translation>Укажите ярлык.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/form.py" line="250"/>
        <source>Use only letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos;, no spaces or &apos;/&apos;.</source>
        <translation>Допустимы только буквы, цифры, «-», «_» и «.», без пробелов и «/».</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/form.py" line="256"/>
        <source>Another item already uses this slug.</source>
        <translation>Этот ярлык уже занят другим материалом.</translation>
    </message>
</context>
<context>
    <name>ItemListPanel</name>
    <message>
        <location filename="../../kbdesk/ui/editor/list_panel.py" line="62"/>
        <source>Filter by title, slug, tag, owner…</source>
        <translation>Фильтр по заголовку, ярлыку, метке, ответственному…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/list_panel.py" line="66"/>
        <source>Any status</source>
        <translation>Любой статус</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/list_panel.py" line="67"/>
        <source>Drafts</source>
        <translation>Черновики</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/list_panel.py" line="68"/>
        <source>Published</source>
        <translation>Опубликованные</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/list_panel.py" line="69"/>
        <source>Archived</source>
        <translation>В архиве</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/list_panel.py" line="70"/>
        <source>Review overdue</source>
        <translation>Проверка просрочена</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/list_panel.py" line="71"/>
        <source>My queue: expired, overdue, feedback</source>
        <translation>Моя очередь: истёкшие, просроченные, с отзывами</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/list_panel.py" line="76"/>
        <source>Articles and templates</source>
        <translation>Статьи и шаблоны</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/list_panel.py" line="77"/>
        <source>Articles</source>
        <translation>Статьи</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/list_panel.py" line="78"/>
        <source>Templates</source>
        <translation>Шаблоны</translation>
    </message>
</context>
<context>
    <name>ItemTableModel</name>
    <message>
        <location filename="../../kbdesk/ui/dashboard/models.py" line="192"/>
        <source>article</source>
        <translation>статья</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/models.py" line="192"/>
        <source>template</source>
        <translation>шаблон</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/models.py" line="194"/>
        <source>Title</source>
        <translation>Заголовок</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/models.py" line="195"/>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/models.py" line="196"/>
        <source>Score</source>
        <translation>Оценка</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/models.py" line="197"/>
        <source>Lower bound of the 95 % Wilson interval of the resolution rate</source>
        <translation>Нижняя граница 95-процентного интервала Уилсона для решаемости</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/models.py" line="198"/>
        <source>Resolved</source>
        <translation>Решено</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/models.py" line="199"/>
        <source>Not resolved</source>
        <translation>Не решено</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/models.py" line="200"/>
        <source>Rate</source>
        <translation>Решаемость</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/models.py" line="201"/>
        <source>Resolved / (resolved + not resolved), with n</source>
        <translation>Решено / (решено + не решено), в скобках — число ответов n</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/models.py" line="202"/>
        <source>Uses</source>
        <translation>Использования</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/models.py" line="202"/>
        <source>Views + copies</source>
        <translation>Просмотры + копирования</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/models.py" line="203"/>
        <source>Views</source>
        <translation>Просмотры</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/models.py" line="204"/>
        <source>Copies</source>
        <translation>Копирования</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/models.py" line="205"/>
        <source>Last use</source>
        <translation>Последний раз</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../kbdesk/ui/main_window.py" line="176"/>
        <source>kbdesk {version}</source>
        <translation>kbdesk {version}</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/main_window.py" line="213"/>
        <source>&amp;Answers</source>
        <translation>&amp;Ответы</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/main_window.py" line="237"/>
        <source>&amp;Editor</source>
        <translation>&amp;Редактор</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/main_window.py" line="238"/>
        <source>&amp;Dashboard</source>
        <translation>С&amp;татистика</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/main_window.py" line="248"/>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/main_window.py" line="249"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Настройки…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/main_window.py" line="253"/>
        <source>&amp;Rebuild search index</source>
        <translation>&amp;Перестроить поисковый индекс</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/main_window.py" line="258"/>
        <source>Remove sample &amp;content…</source>
        <translation>Удалить &amp;пример базы знаний…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/main_window.py" line="261"/>
        <source>Restore from &amp;backup…</source>
        <translation>Восстановить из &amp;резервной копии…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/main_window.py" line="265"/>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/main_window.py" line="275"/>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/main_window.py" line="276"/>
        <source>&amp;About kbdesk</source>
        <translation>&amp;О программе kbdesk</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/main_window.py" line="295"/>
        <source>Updating the search index: {done} of {total}…</source>
        <translation>Обновление поискового индекса: {done} из {total}…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/main_window.py" line="299"/>
        <source>Updating the search index…</source>
        <translation>Обновление поискового индекса…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/main_window.py" line="302"/>
        <source>Search index could not be rebuilt: searching the database</source>
        <translation>Не удалось перестроить поисковый индекс: поиск идёт по базе данных</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/main_window.py" line="309"/>
        <source>operator</source>
        <translation>оператор</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/main_window.py" line="310"/>
        <source>editor</source>
        <translation>редактор</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/main_window.py" line="311"/>
        <source>team lead</source>
        <translation>руководитель группы</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/main_window.py" line="323"/>
        <location filename="../../kbdesk/ui/main_window.py" line="334"/>
        <source>Remove sample content</source>
        <translation>Удалить пример базы знаний</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/main_window.py" line="325"/>
        <source>Delete the sample articles and templates that nobody has edited? Items you changed stay.</source>
        <translation>Удалить статьи и шаблоны примера, которые никто не редактировал? Изменённые вами материалы останутся.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kbdesk/ui/main_window.py" line="338"/>
        <source>%n sample item(s) removed.</source>
        <translation>
            <numerusform>Удалён %n материал примера.</numerusform>
            <numerusform>Удалено %n материала примера.</numerusform>
            <numerusform>Удалено %n материалов примера.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/main_window.py" line="349"/>
        <location filename="../../kbdesk/ui/main_window.py" line="353"/>
        <location filename="../../kbdesk/ui/main_window.py" line="364"/>
        <location filename="../../kbdesk/ui/main_window.py" line="367"/>
        <location filename="../../kbdesk/ui/main_window.py" line="370"/>
        <source>Restore from backup</source>
        <translation>Восстановление из резервной копии</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/main_window.py" line="355"/>
        <source>Replace the whole knowledge base with this backup? The current database file is kept beside it. kbdesk closes afterwards; start it again.</source>
        <translation>Заменить всю базу знаний этой резервной копией? Текущий файл базы данных будет сохранён рядом. После этого kbdesk закроется — запустите его снова.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/main_window.py" line="411"/>
        <location filename="../../kbdesk/ui/main_window.py" line="423"/>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/main_window.py" line="425"/>
        <source>The hotkey {hotkey} could not be set: another program uses it, or this desktop has no global hotkeys. {hotkey_now} stays.</source>
        <translation>Не удалось назначить {hotkey}: её занимает другая программа, или в этой среде нет глобальных горячих клавиш. Остаётся {hotkey_now}.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/main_window.py" line="436"/>
        <source>About kbdesk</source>
        <translation>О программе kbdesk</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/main_window.py" line="438"/>
        <source>kbdesk {version}
Knowledge base and canned responses for support teams.</source>
        <translation>kbdesk {version}
База знаний и шаблоны ответов для службы поддержки.</translation>
    </message>
</context>
<context>
    <name>MessageDialog</name>
    <message>
        <location filename="../../kbdesk/ui/workspace/message.py" line="43"/>
        <source>Client&apos;s message</source>
        <translation>Сообщение клиента</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/message.py" line="50"/>
        <source>Paste the client&apos;s chat message or e-mail here. It stays on this computer.</source>
        <translation>Вставьте сюда сообщение из чата или письмо клиента. Оно не покидает этот компьютер.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/message.py" line="61"/>
        <source>Article</source>
        <translation>Статья</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/message.py" line="61"/>
        <source>Template</source>
        <translation>Шаблон</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/message.py" line="63"/>
        <source>Templates that fit the message appear here.</source>
        <translation>Здесь появятся шаблоны, подходящие к сообщению.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/message.py" line="69"/>
        <source>Open template  Ctrl+Enter</source>
        <translation>Открыть шаблон  Ctrl+Enter</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/message.py" line="78"/>
        <source>Templates that fit</source>
        <translation>Подходящие шаблоны</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/message.py" line="105"/>
        <source>Found in the message (offered in the form, F7 fills): {values}</source>
        <translation>Найдено в сообщении (предлагается в форме, F7 подставляет): {values}</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/message.py" line="138"/>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/message.py" line="139"/>
        <source>Order</source>
        <translation>Заказ</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/message.py" line="140"/>
        <source>Contract or invoice</source>
        <translation>Договор или счёт</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/message.py" line="141"/>
        <source>Request</source>
        <translation>Обращение</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/message.py" line="142"/>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/message.py" line="143"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/message.py" line="144"/>
        <source>Company</source>
        <translation>Компания</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/message.py" line="145"/>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/message.py" line="146"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
</context>
<context>
    <name>OperatorTableModel</name>
    <message>
        <location filename="../../kbdesk/ui/dashboard/models.py" line="227"/>
        <source>Operator</source>
        <translation>Оператор</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/models.py" line="228"/>
        <source>Searches</source>
        <translation>Поиски</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/models.py" line="229"/>
        <source>Views</source>
        <translation>Просмотры</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/models.py" line="230"/>
        <source>Copies</source>
        <translation>Копирования</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/models.py" line="231"/>
        <source>Resolved</source>
        <translation>Решено</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/models.py" line="232"/>
        <source>Not resolved</source>
        <translation>Не решено</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/models.py" line="233"/>
        <source>Rate</source>
        <translation>Решаемость</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/models.py" line="234"/>
        <source>vs team</source>
        <translation>Отклонение</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/models.py" line="235"/>
        <source>Difference from the team rate, in percentage points</source>
        <translation>Отличие от решаемости команды, в процентных пунктах</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kbdesk/ui/dashboard/models.py" line="243"/>
        <source>Team average (%n operators)</source>
        <translation>
            <numerusform>Среднее по команде (%n оператор)</numerusform>
            <numerusform>Среднее по команде (%n оператора)</numerusform>
            <numerusform>Среднее по команде (%n операторов)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/models.py" line="248"/>
        <source>{value:+.1f} pp</source>
        <translation>{value:+.1f} п. п.</translation>
    </message>
</context>
<context>
    <name>Placeholder</name>
    <message>
        <location filename="../../kbdesk/ui/workspace/preview.py" line="44"/>
        <source>Client name</source>
        <translation>Имя клиента</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/preview.py" line="45"/>
        <source>Order number</source>
        <translation>Номер заказа</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/preview.py" line="46"/>
        <source>Minutes</source>
        <translation>Минуты</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/preview.py" line="47"/>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/preview.py" line="48"/>
        <source>Days</source>
        <translation>Дни</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/preview.py" line="49"/>
        <source>Promo code</source>
        <translation>Промокод</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/preview.py" line="50"/>
        <source>Discount</source>
        <translation>Скидка</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/preview.py" line="51"/>
        <source>Minimum order</source>
        <translation>Минимальная сумма заказа</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/preview.py" line="52"/>
        <source>Points</source>
        <translation>Баллы</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/preview.py" line="53"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/preview.py" line="54"/>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/preview.py" line="55"/>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/preview.py" line="56"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/preview.py" line="57"/>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/preview.py" line="58"/>
        <source>Item</source>
        <translation>Товар</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/preview.py" line="59"/>
        <source>Invoice number</source>
        <translation>Номер счёта</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/preview.py" line="60"/>
        <source>Company</source>
        <translation>Компания</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/preview.py" line="61"/>
        <source>Period</source>
        <translation>Период</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/preview.py" line="62"/>
        <source>Request number</source>
        <translation>Номер обращения</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/preview.py" line="63"/>
        <source>Callback time</source>
        <translation>Время обратного звонка</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/preview.py" line="64"/>
        <source>Refund details</source>
        <translation>Детали возврата</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/preview.py" line="65"/>
        <source>Solution</source>
        <translation>Решение</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/preview.py" line="66"/>
        <source>Store</source>
        <translation>Магазин</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/preview.py" line="67"/>
        <source>Client is (м/ж)</source>
        <translation>Клиент (м/ж)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/preview.py" line="68"/>
        <source>I am (м/ж)</source>
        <translation>Я (м/ж)</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <location filename="../../kbdesk/ui/editor/preview.py" line="82"/>
        <source>Placeholders found in the template</source>
        <translation>Переменные, найденные в шаблоне</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/preview.py" line="88"/>
        <source>Placeholders</source>
        <translation>Переменные</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/preview.py" line="89"/>
        <source>Problems</source>
        <translation>Проблемы</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/preview.py" line="106"/>
        <source>Reply</source>
        <translation>Ответ</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/preview.py" line="107"/>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/preview.py" line="108"/>
        <source>Chat</source>
        <translation>Чат</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/preview.py" line="109"/>
        <source>Email</source>
        <translation>Почта</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/preview.py" line="128"/>
        <source>Line {line}: {message}</source>
        <translation>Строка {line}: {message}</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/preview.py" line="134"/>
        <source>Problems ({count})</source>
        <translation>Проблемы ({count})</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/preview.py" line="134"/>
        <source>No problems</source>
        <translation>Проблем нет</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/preview.py" line="146"/>
        <source>built-in</source>
        <translation>встроенная</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/preview.py" line="148"/>
        <source>default: {value}</source>
        <translation>по умолчанию: {value}</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/preview.py" line="150"/>
        <source>optional</source>
        <translation>необязательная</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/preview.py" line="152"/>
        <source>required</source>
        <translation>обязательная</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/preview.py" line="157"/>
        <source>Placeholders ({count})</source>
        <translation>Переменные ({count})</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/pane.py" line="108"/>
        <location filename="../../kbdesk/ui/workspace/pane.py" line="170"/>
        <source>☆ Pin</source>
        <translation>☆ Закрепить</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/pane.py" line="109"/>
        <source>Pin for this shift (Ctrl+D)</source>
        <translation>Закрепить на смену (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/pane.py" line="110"/>
        <location filename="../../kbdesk/ui/workspace/pane.py" line="159"/>
        <source>Copy reply  Ctrl+Enter</source>
        <translation>Скопировать ответ  Ctrl+Enter</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/pane.py" line="111"/>
        <source>Copy as plain text and HTML (Ctrl+Enter)</source>
        <translation>Скопировать как обычный текст и HTML (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/pane.py" line="112"/>
        <source>Report…</source>
        <translation>Сообщить…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/pane.py" line="114"/>
        <source>Tell the owner this answer is outdated, wrong or missing something (F9)</source>
        <translation>Сообщить владельцу, что ответ устарел, неверен или в нём чего-то не хватает (F9)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/pane.py" line="116"/>
        <source>Back (Alt+Left)</source>
        <translation>Назад (Alt+←)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/pane.py" line="117"/>
        <source>Forward (Alt+Right)</source>
        <translation>Вперёд (Alt+→)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/pane.py" line="139"/>
        <source>Copy text  Ctrl+Enter</source>
        <translation>Скопировать текст  Ctrl+Enter</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/pane.py" line="170"/>
        <source>★ Pinned</source>
        <translation>★ Закреплено</translation>
    </message>
</context>
<context>
    <name>PublishGate</name>
    <message>
        <location filename="../../kbdesk/ui/editor/gate.py" line="51"/>
        <source>link to “{slug}”: no item has this slug</source>
        <translation>ссылка на «{slug}»: материала с таким идентификатором нет</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/gate.py" line="53"/>
        <source>link to “{slug}”: the item is archived</source>
        <translation>ссылка на «{slug}»: материал в архиве</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/gate.py" line="55"/>
        <source>a merge conflict marker is left in the text</source>
        <translation>в тексте осталась метка конфликта слияния</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/gate.py" line="67"/>
        <source>line {line}: {problem}</source>
        <translation>строка {line}: {problem}</translation>
    </message>
</context>
<context>
    <name>PublishGateDialog</name>
    <message>
        <location filename="../../kbdesk/ui/editor/gate.py" line="80"/>
        <source>Not published</source>
        <translation>Не опубликовано</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/gate.py" line="84"/>
        <source>Operators would see these problems, so it cannot be published as it is. Fix them, or save it as a draft for now.</source>
        <translation>Операторы увидели бы эти ошибки, поэтому в таком виде публиковать нельзя. Исправьте их или пока сохраните как черновик.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/gate.py" line="93"/>
        <source>Why it must be published now (kept in the history)</source>
        <translation>Почему публиковать нужно сейчас (сохранится в истории)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/gate.py" line="97"/>
        <source>Save as &amp;draft</source>
        <translation>Сохранить как &amp;черновик</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/gate.py" line="98"/>
        <source>&amp;Publish anyway</source>
        <translation>&amp;Всё равно опубликовать</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kbdesk/ui/editor/gate.py" line="106"/>
        <source>%n problem(s):</source>
        <translation>
            <numerusform>%n проблема:</numerusform>
            <numerusform>%n проблемы:</numerusform>
            <numerusform>%n проблем:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuickAnswer</name>
    <message>
        <location filename="../../kbdesk/ui/popup/controller.py" line="182"/>
        <source>Reply</source>
        <translation>Ответ</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/popup/controller.py" line="231"/>
        <source>Fill in «{field}» first.</source>
        <translation>Сначала заполните «{field}».</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/popup/controller.py" line="249"/>
        <source>The window you came from is not known.</source>
        <translation>Неизвестно, из какого окна вы пришли.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/popup/controller.py" line="257"/>
        <source>Copied «{title}»: paste it with Ctrl+V. Esc closes.</source>
        <translation>«{title}» скопирован: вставьте его сочетанием Ctrl+V. Esc закрывает.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/popup/controller.py" line="328"/>
        <source>kbdesk: quick answer ({hotkey})</source>
        <translation>kbdesk: быстрый ответ ({hotkey})</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/popup/controller.py" line="330"/>
        <source>Quick answer</source>
        <translation>Быстрый ответ</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/popup/controller.py" line="331"/>
        <source>Next client</source>
        <translation>Следующий клиент</translation>
    </message>
</context>
<context>
    <name>QuickAnswerPopup</name>
    <message>
        <location filename="../../kbdesk/ui/popup/window.py" line="35"/>
        <source>kbdesk — quick answer</source>
        <translation>kbdesk — быстрый ответ</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/popup/window.py" line="41"/>
        <source>Quick answer: type to search</source>
        <translation>Быстрый ответ: начните вводить запрос</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/popup/window.py" line="51"/>
        <source>Article</source>
        <translation>Статья</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/popup/window.py" line="51"/>
        <source>Template</source>
        <translation>Шаблон</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/popup/window.py" line="60"/>
        <source>↑↓ choose · Enter fill / paste · Esc back / close · F8 next client</source>
        <translation>↑↓ выбор · Enter заполнить / вставить · Esc назад / закрыть · F8 следующий клиент</translation>
    </message>
</context>
<context>
    <name>RecoveryBar</name>
    <message>
        <location filename="../../kbdesk/ui/editor/recovery.py" line="27"/>
        <source>&amp;Restore</source>
        <translation>&amp;Восстановить</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/recovery.py" line="28"/>
        <source>Discard</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/recovery.py" line="29"/>
        <source>Delete this unsaved work for good</source>
        <translation>Удалить эту несохранённую работу насовсем</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/recovery.py" line="43"/>
        <source>(untitled)</source>
        <translation>(без названия)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/recovery.py" line="45"/>
        <source>{title} — {when}</source>
        <translation>{title} — {when}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kbdesk/ui/editor/recovery.py" line="49"/>
        <source>Unsaved work from an earlier session (%n item(s)):</source>
        <translation>
            <numerusform>Несохранённая работа из прошлого сеанса (%n материал):</numerusform>
            <numerusform>Несохранённая работа из прошлого сеанса (%n материала):</numerusform>
            <numerusform>Несохранённая работа из прошлого сеанса (%n материалов):</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResolveBar</name>
    <message>
        <location filename="../../kbdesk/ui/workspace/resolve.py" line="25"/>
        <source>Did this resolve the request?</source>
        <translation>Вопрос клиента решён?</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/resolve.py" line="26"/>
        <source>[Y] Yes</source>
        <translation>[Y] Да</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/resolve.py" line="27"/>
        <source>[N] No</source>
        <translation>[N] Нет</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/resolve.py" line="30"/>
        <source>Dismiss (Esc)</source>
        <translation>Закрыть (Esc)</translation>
    </message>
</context>
<context>
    <name>RestoreBackup</name>
    <message>
        <location filename="../../kbdesk/ui/restore.py" line="22"/>
        <source>Choose a backup to restore</source>
        <translation>Выберите резервную копию для восстановления</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/restore.py" line="24"/>
        <source>kbdesk backups (*.sqlite);;All files (*)</source>
        <translation>Резервные копии kbdesk (*.sqlite);;Все файлы (*)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/restore.py" line="30"/>
        <source>The backup was restored.</source>
        <translation>Резервная копия восстановлена.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/restore.py" line="32"/>
        <source>The previous database file was kept as:
{path}</source>
        <translation>Прежний файл базы данных сохранён как:
{path}</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/restore.py" line="43"/>
        <source>kbdesk cannot start</source>
        <translation>kbdesk не может запуститься</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/restore.py" line="47"/>
        <source>The knowledge base is damaged and was not changed.</source>
        <translation>База знаний повреждена; она не изменялась.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/restore.py" line="52"/>
        <source>Restore it from a backup? The damaged file is kept beside it, not deleted.</source>
        <translation>Восстановить её из резервной копии? Повреждённый файл будет сохранён рядом, а не удалён.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/restore.py" line="59"/>
        <source>Restore from backup…</source>
        <translation>Восстановить из резервной копии…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/restore.py" line="63"/>
        <source>Quit</source>
        <translation>Выйти</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/restore.py" line="76"/>
        <location filename="../../kbdesk/ui/restore.py" line="82"/>
        <source>Restore from backup</source>
        <translation>Восстановление из резервной копии</translation>
    </message>
</context>
<context>
    <name>Revision</name>
    <message>
        <location filename="../../kbdesk/ui/i18n.py" line="136"/>
        <source>created</source>
        <translation>создано</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/i18n.py" line="138"/>
        <source>imported</source>
        <translation>импортировано</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/i18n.py" line="140"/>
        <source>sample content</source>
        <translation>пример базы знаний</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/i18n.py" line="143"/>
        <source>restored revision {number}</source>
        <translation>восстановлена редакция {number}</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/i18n.py" line="147"/>
        <source>draft</source>
        <translation>черновик</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/i18n.py" line="148"/>
        <source>published</source>
        <translation>опубликовано</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/i18n.py" line="149"/>
        <source>archived</source>
        <translation>в архиве</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/i18n.py" line="151"/>
        <source>status: {status}</source>
        <translation>статус: {status}</translation>
    </message>
</context>
<context>
    <name>RevisionTableModel</name>
    <message>
        <location filename="../../kbdesk/ui/editor/history.py" line="44"/>
        <source>#</source>
        <translation>№</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/history.py" line="44"/>
        <source>Author</source>
        <translation>Автор</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/history.py" line="44"/>
        <source>Saved</source>
        <translation>Сохранено</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/history.py" line="44"/>
        <source>Note</source>
        <translation>Примечание</translation>
    </message>
</context>
<context>
    <name>SampleNotice</name>
    <message numerus="yes">
        <location filename="../../kbdesk/ui/main_window.py" line="155"/>
        <source>A sample knowledge base of %n items was loaded so you can try kbdesk. Remove it before you import your own (File → Remove sample content).</source>
        <translation>
            <numerusform>Загружен пример базы знаний из %n материала, чтобы вы могли попробовать kbdesk. Удалите его перед импортом своих материалов (Файл → Удалить пример базы знаний).</numerusform>
            <numerusform>Загружен пример базы знаний из %n материалов, чтобы вы могли попробовать kbdesk. Удалите его перед импортом своих материалов (Файл → Удалить пример базы знаний).</numerusform>
            <numerusform>Загружен пример базы знаний из %n материалов, чтобы вы могли попробовать kbdesk. Удалите его перед импортом своих материалов (Файл → Удалить пример базы знаний).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/main_window.py" line="162"/>
        <source>Remove sample</source>
        <translation>Удалить пример</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/main_window.py" line="164"/>
        <source>Keep it</source>
        <translation>Оставить</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../kbdesk/ui/main_window.py" line="41"/>
        <source>Welcome to kbdesk</source>
        <translation>Добро пожаловать в kbdesk</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/main_window.py" line="41"/>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/main_window.py" line="45"/>
        <source>System language</source>
        <translation>Язык системы</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/main_window.py" line="54"/>
        <source>Your name signs the replies you copy ({{operator}}) and your statistics. You can change it later in File → Settings.</source>
        <translation>Ваше имя подставляется в копируемые ответы ({{operator}}) и в вашу статистику. Его можно изменить позже: Файл → Настройки.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/main_window.py" line="60"/>
        <source>Your &amp;name:</source>
        <translation>Ваше &amp;имя:</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/main_window.py" line="62"/>
        <source>&amp;Language:</source>
        <translation>&amp;Язык:</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/main_window.py" line="69"/>
        <source> min</source>
        <translation> мин</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/main_window.py" line="70"/>
        <source>never</source>
        <translation>никогда</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/main_window.py" line="72"/>
        <source>New contact after &amp;idle:</source>
        <translation>Новый &amp;контакт после простоя:</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/main_window.py" line="77"/>
        <source>Quick-answer &amp;hotkey:</source>
        <translation>&amp;Горячая клавиша быстрого ответа:</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/main_window.py" line="78"/>
        <source>A new language applies after a restart.</source>
        <translation>Новый язык вступит в силу после перезапуска.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/main_window.py" line="91"/>
        <source>As my name tells</source>
        <translation>Как говорит имя</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/main_window.py" line="92"/>
        <source>Male (м)</source>
        <translation>Мужской (м)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/main_window.py" line="93"/>
        <source>Female (ж)</source>
        <translation>Женский (ж)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/main_window.py" line="96"/>
        <source>Replies agree with it: «я оформил» or «я оформила». Set it when your name is a login or does not tell.</source>
        <translation>По нему согласуются ответы: «я оформил» или «я оформила». Укажите, если ваше имя — логин или по нему пол не понять.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/main_window.py" line="102"/>
        <source>I &amp;am:</source>
        <translation>&amp;Мой пол:</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/main_window.py" line="108"/>
        <source>First name: Мария</source>
        <translation>Имя: Мария</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/main_window.py" line="109"/>
        <source>First name and patronymic: Мария Ивановна</source>
        <translation>Имя и отчество: Мария Ивановна</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/main_window.py" line="110"/>
        <source>Surname, first name and patronymic: Петрова Мария Ивановна</source>
        <translation>Фамилия, имя и отчество: Петрова Мария Ивановна</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/main_window.py" line="113"/>
        <source>Greeting in &amp;chat:</source>
        <translation>Обращение в &amp;чате:</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/main_window.py" line="114"/>
        <source>Greeting on the &amp;phone:</source>
        <translation>Обращение по &amp;телефону:</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/main_window.py" line="115"/>
        <source>Greeting in &amp;e-mail:</source>
        <translation>Обращение в &amp;письме:</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/main_window.py" line="118"/>
        <source>How replies greet the client, for the whole team:</source>
        <translation>Как ответы обращаются к клиенту (для всей команды):</translation>
    </message>
</context>
<context>
    <name>StaleTableModel</name>
    <message>
        <location filename="../../kbdesk/ui/dashboard/models.py" line="277"/>
        <source>Title</source>
        <translation>Заголовок</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/models.py" line="278"/>
        <source>Uses before</source>
        <translation>Использования ранее</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/models.py" line="279"/>
        <source>Views + copies before the end of the period</source>
        <translation>Просмотры + копирования до конца периода</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/models.py" line="280"/>
        <source>Last use</source>
        <translation>Последний раз</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/models.py" line="281"/>
        <source>Review by</source>
        <translation>Проверить до</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/models.py" line="282"/>
        <source>Why</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/models.py" line="283"/>
        <source>Owner</source>
        <translation>Ответственный</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/models.py" line="289"/>
        <source>not used</source>
        <translation>не используется</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/models.py" line="291"/>
        <source>review overdue</source>
        <translation>проверка просрочена</translation>
    </message>
</context>
<context>
    <name>TemplateForm</name>
    <message>
        <location filename="../../kbdesk/ui/workspace/preview.py" line="126"/>
        <source>Fill in  F7</source>
        <translation>Подставить  F7</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/preview.py" line="187"/>
        <location filename="../../kbdesk/ui/workspace/preview.py" line="289"/>
        <source>required</source>
        <translation>обязательное поле</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/preview.py" line="198"/>
        <source>No fields to fill in: the reply is ready to copy.</source>
        <translation>Заполнять нечего: ответ готов к копированию.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/preview.py" line="228"/>
        <source>from the message: {value}</source>
        <translation>из сообщения: {value}</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/preview.py" line="236"/>
        <source>From the client&apos;s message: {values}</source>
        <translation>Из сообщения клиента: {values}</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/preview.py" line="256"/>
        <source>Filled in automatically: {values}</source>
        <translation>Заполняется автоматически: {values}</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/preview.py" line="285"/>
        <source>{gender} (from the name)</source>
        <translation>{gender} (по имени)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/preview.py" line="287"/>
        <source>{gender} (from Settings)</source>
        <translation>{gender} (из настроек)</translation>
    </message>
</context>
<context>
    <name>TransferController</name>
    <message>
        <location filename="../../kbdesk/ui/editor/transfer_dialog.py" line="175"/>
        <source>&amp;Import…</source>
        <translation>&amp;Импорт…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/transfer_dialog.py" line="176"/>
        <source>Import articles from a folder or a zip</source>
        <translation>Импорт статей из папки или ZIP-архива</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/transfer_dialog.py" line="178"/>
        <source>E&amp;xport…</source>
        <translation>&amp;Экспорт…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/transfer_dialog.py" line="179"/>
        <source>Export the knowledge base to a folder or a zip</source>
        <translation>Экспорт базы знаний в папку или ZIP-архив</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/transfer_dialog.py" line="249"/>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kbdesk/ui/editor/transfer_dialog.py" line="250"/>
        <source>Exported %n file(s) to {where}.</source>
        <translation>
            <numerusform>Экспортирован %n файл в {where}.</numerusform>
            <numerusform>Экспортировано %n файла в {where}.</numerusform>
            <numerusform>Экспортировано %n файлов в {where}.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/transfer_dialog.py" line="261"/>
        <source>Import or export failed</source>
        <translation>Ошибка импорта или экспорта</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <location filename="../../kbdesk/ui/editor/transfer_dialog.py" line="41"/>
        <source>Import</source>
        <translation>Импорт</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/transfer_dialog.py" line="41"/>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/transfer_dialog.py" line="45"/>
        <source>Import markdown files with front matter from a folder (with its sub-folders) or a .zip. An item whose slug exists is updated, as a new revision.</source>
        <translation>Импорт файлов Markdown с блоком метаданных (front matter) из папки (включая вложенные) или из архива .zip. Материал с уже существующим ярлыком обновляется новой версией.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/transfer_dialog.py" line="50"/>
        <source>Export every article and template as one markdown file each, into a folder or a .zip; importing it back gives the same knowledge base.</source>
        <translation>Экспорт всех статей и шаблонов — по файлу Markdown на каждый — в папку или архив .zip; обратный импорт даст ту же базу знаний.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/transfer_dialog.py" line="56"/>
        <source>Folder or .zip file</source>
        <translation>Папка или файл .zip</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/transfer_dialog.py" line="58"/>
        <source>&amp;Folder…</source>
        <translation>&amp;Папка…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/transfer_dialog.py" line="60"/>
        <source>&amp;Zip or files…</source>
        <translation>&amp;Архив или файлы…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/transfer_dialog.py" line="60"/>
        <source>&amp;Zip file…</source>
        <translation>&amp;Архив .zip…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/transfer_dialog.py" line="70"/>
        <source>&amp;Import</source>
        <translation>&amp;Импортировать</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/transfer_dialog.py" line="70"/>
        <source>&amp;Export</source>
        <translation>&amp;Экспортировать</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/transfer_dialog.py" line="88"/>
        <source>Choose a folder</source>
        <translation>Выберите папку</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/transfer_dialog.py" line="95"/>
        <source>Choose files</source>
        <translation>Выберите файлы</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/transfer_dialog.py" line="95"/>
        <source>Markdown or zip (*.md *.zip)</source>
        <translation>Markdown или ZIP (*.md *.zip)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/transfer_dialog.py" line="101"/>
        <source>Export to</source>
        <translation>Экспорт в</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/editor/transfer_dialog.py" line="101"/>
        <source>Zip archive (*.zip)</source>
        <translation>Архив ZIP (*.zip)</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <location filename="../../kbdesk/ui/dashboard/chart.py" line="80"/>
        <source>No usage in this period yet</source>
        <translation>За этот период использований нет</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/chart.py" line="165"/>
        <source>Uses per day</source>
        <translation>Использования по дням</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/chart.py" line="166"/>
        <source>Uses per week</source>
        <translation>Использования по неделям</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/chart.py" line="178"/>
        <source>Resolution rate</source>
        <translation>Решаемость</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/chart.py" line="185"/>
        <source>no outcomes</source>
        <translation>нет данных о решении</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/chart.py" line="187"/>
        <source>{rate:.0f} % of {count}</source>
        <translation>{rate:.0f} % из {count}</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/chart.py" line="194"/>
        <source>week of {date}</source>
        <translation>неделя с {date}</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/chart.py" line="196"/>
        <source>{start}
Uses: {uses}
Resolved: {resolved}
Resolution rate: {rate}</source>
        <translation>{start}
Использований: {uses}
Решено: {resolved}
Решаемость: {rate}</translation>
    </message>
</context>
<context>
    <name>TrendTableModel</name>
    <message>
        <location filename="../../kbdesk/ui/dashboard/models.py" line="214"/>
        <source>From</source>
        <translation>Период с</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/models.py" line="215"/>
        <source>Uses</source>
        <translation>Использования</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/models.py" line="216"/>
        <source>Resolved</source>
        <translation>Решено</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/models.py" line="217"/>
        <source>Not resolved</source>
        <translation>Не решено</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/dashboard/models.py" line="218"/>
        <source>Rate</source>
        <translation>Решаемость</translation>
    </message>
</context>
<context>
    <name>UsageTracker</name>
    <message>
        <location filename="../../kbdesk/ui/workspace/tracker.py" line="153"/>
        <source>Could not record usage: {error}</source>
        <translation>Не удалось записать статистику использования: {error}</translation>
    </message>
</context>
<context>
    <name>WorkspacePage</name>
    <message>
        <location filename="../../kbdesk/ui/workspace/listing.py" line="99"/>
        <source>Type to search articles and templates.

Ctrl+P — pinned for this shift · Ctrl+R — recently used</source>
        <translation>Начните вводить запрос, чтобы найти статью или шаблон.

Ctrl+P — закреплённые на смену · Ctrl+R — недавние</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/listing.py" line="113"/>
        <source>Search failed: {error}</source>
        <translation>Ошибка поиска: {error}</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/listing.py" line="141"/>
        <source>Nothing found for «{query}».
Try fewer words or another wording.</source>
        <translation>По запросу «{query}» ничего не найдено.
Попробуйте меньше слов или другую формулировку.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/listing.py" line="266"/>
        <source>Showing results for «{reading}» (typed in the other keyboard layout)</source>
        <translation>Показаны результаты для «{reading}» (запрос набран в другой раскладке)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/listing.py" line="271"/>
        <source>Showing results for «{reading}»</source>
        <translation>Показаны результаты для «{reading}»</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/listing.py" line="280"/>
        <source>The search index is being rebuilt: results may be less precise for a moment.</source>
        <translation>Поисковый индекс перестраивается: результаты пока могут быть менее точными.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/listing.py" line="207"/>
        <source>Pinned for this shift — Ctrl+D unpins, Ctrl+Shift+D unpins all</source>
        <translation>Закреплённые на смену — Ctrl+D открепить, Ctrl+Shift+D открепить все</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/listing.py" line="211"/>
        <source>Recently used</source>
        <translation>Недавние</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/listing.py" line="214"/>
        <source>{title}  ·  Esc returns to the search</source>
        <translation>{title}  ·  Esc — вернуться к поиску</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/listing.py" line="218"/>
        <source>Nothing pinned yet: select an item and press Ctrl+D.</source>
        <translation>Пока ничего не закреплено: выберите материал и нажмите Ctrl+D.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/listing.py" line="220"/>
        <source>Nothing used yet in this shift.</source>
        <translation>За эту смену ещё ничего не использовалось.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/pins.py" line="41"/>
        <source>Pinned «{title}»</source>
        <translation>Закреплено: «{title}»</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/pins.py" line="43"/>
        <source>Unpinned «{title}»</source>
        <translation>Откреплено: «{title}»</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/pins.py" line="52"/>
        <source>All pins removed</source>
        <translation>Все закрепления сняты</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/previewer.py" line="79"/>
        <source>Select a result to see it here.</source>
        <translation>Выберите результат, чтобы увидеть его здесь.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/previewer.py" line="91"/>
        <source>Template</source>
        <translation>Шаблон</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/previewer.py" line="92"/>
        <source>Reply for {channel}</source>
        <translation>Ответ для канала «{channel}»</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/previewer.py" line="101"/>
        <source>Article</source>
        <translation>Статья</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/previewer.py" line="127"/>
        <source>No suggestions from the client&apos;s message here.</source>
        <translation>Для этого шаблона в сообщении клиента ничего не найдено.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/previewer.py" line="181"/>
        <source>There is no article «{slug}»</source>
        <translation>Статьи «{slug}» нет</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/page.py" line="151"/>
        <source>That item no longer exists.</source>
        <translation>Этого материала больше нет.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/copying.py" line="77"/>
        <source>Nothing selected to copy.</source>
        <translation>Нечего копировать: ничего не выбрано.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/copying.py" line="83"/>
        <source>Fill in «{field}» before copying.</source>
        <translation>Перед копированием заполните поле «{field}».</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/copying.py" line="95"/>
        <source>«{title}» expired on {date}: its facts may be out of date. Press the same key again to copy it anyway.</source>
        <translation>Срок «{title}» истёк {date}: сведения могут быть устаревшими. Нажмите ту же клавишу ещё раз, чтобы всё равно скопировать.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/copying.py" line="131"/>
        <source>«{title}» needs input: fill in the fields, then press Ctrl+Enter.</source>
        <translation>Шаблон «{title}» нужно заполнить: введите данные в поля и нажмите Ctrl+Enter.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/copying.py" line="138"/>
        <source>«{title}» is shown: press Alt+{number} again to copy it.</source>
        <translation>Показан «{title}»: нажмите Alt+{number} ещё раз, чтобы скопировать.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/copying.py" line="156"/>
        <source>Copied «{title}» ({channel})</source>
        <translation>Скопировано: «{title}» ({channel})</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/copying.py" line="180"/>
        <source>Thanks, noted.</source>
        <translation>Спасибо, учтено.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/copying.py" line="182"/>
        <source>Noted: not resolved.</source>
        <translation>Учтено: не решено.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/previewer.py" line="152"/>
        <source>This item was removed or archived.</source>
        <translation>Этот материал удалён или перенесён в архив.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/contact.py" line="87"/>
        <source>Next client: the fields are empty.</source>
        <translation>Следующий клиент: поля пусты.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/contact.py" line="88"/>
        <source>The contact ended after the idle time: the fields are empty.</source>
        <translation>Контакт завершён по времени простоя: поля пусты.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/trust.py" line="31"/>
        <source>outdated</source>
        <translation>устарело</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/trust.py" line="32"/>
        <source>wrong</source>
        <translation>неверно</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/trust.py" line="33"/>
        <source>missing something</source>
        <translation>чего-то не хватает</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/trust.py" line="41"/>
        <source>Expired on {date}: check the facts before sending; copying asks again.</source>
        <translation>Срок истёк {date}: проверьте факты перед отправкой; копирование попросит подтвердить.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/trust.py" line="49"/>
        <source>Your report ({kind}, {date})</source>
        <translation>Ваше сообщение ({kind}, {date})</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/trust.py" line="53"/>
        <source>{report}: waiting for the owner.</source>
        <translation>{report}: ждёт владельца.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/trust.py" line="54"/>
        <source>{report}: handled by {who} on {date}.</source>
        <translation>{report}: обработано — {who}, {date}.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/trust.py" line="108"/>
        <source>Your report was handled by {who}.</source>
        <translation>Ваше сообщение обработано: {who}.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/trust.py" line="129"/>
        <source>Nothing selected to report on.</source>
        <translation>Не выбрано, о чём сообщить.</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/trust.py" line="147"/>
        <source>Not sent: {error}</source>
        <translation>Не отправлено: {error}</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/trust.py" line="150"/>
        <source>Thanks: «{title}» is in its owner&apos;s queue.</source>
        <translation>Спасибо: «{title}» в очереди у владельца.</translation>
    </message>
</context>
<context>
    <name>WorkspaceView</name>
    <message>
        <location filename="../../kbdesk/ui/workspace/view.py" line="36"/>
        <source>Search articles and templates  (Ctrl+L)</source>
        <translation>Поиск по статьям и шаблонам  (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/view.py" line="41"/>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/view.py" line="41"/>
        <source>Chat</source>
        <translation>Чат</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/view.py" line="41"/>
        <source>Email</source>
        <translation>Почта</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/view.py" line="47"/>
        <source>Reply for {channel} (F{key})</source>
        <translation>Ответ для канала «{channel}» (F{key})</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/view.py" line="60"/>
        <source>Client&apos;s message…</source>
        <translation>Сообщение клиента…</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/view.py" line="62"/>
        <source>Paste the client&apos;s message: templates and values found in it (Ctrl+M)</source>
        <translation>Вставьте сообщение клиента: подходящие шаблоны и найденные в нём данные (Ctrl+M)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/view.py" line="66"/>
        <source>Next client</source>
        <translation>Следующий клиент</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/view.py" line="68"/>
        <source>End this contact: every field starts empty for the next client (F8)</source>
        <translation>Завершить контакт: для следующего клиента все поля пусты (F8)</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/view.py" line="73"/>
        <source>Channel:</source>
        <translation>Канал:</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/view.py" line="87"/>
        <source>Article</source>
        <translation>Статья</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/view.py" line="87"/>
        <source>Template</source>
        <translation>Шаблон</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/workspace/view.py" line="94"/>
        <source>↑↓ move · Enter open · Ctrl+Enter copy · Alt+1…9 show, again: copy · Ctrl+P pinned · Ctrl+R recent · Ctrl+D pin · F8 next client</source>
        <translation>↑↓ выбор · Enter открыть · Ctrl+Enter копировать · Alt+1…9 показать, ещё раз — копировать · Ctrl+P закреплённые · Ctrl+R недавние · Ctrl+D закрепить · F8 следующий клиент</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../kbdesk/ui/app.py" line="71"/>
        <source>kbdesk cannot start</source>
        <translation>Не удаётся запустить kbdesk</translation>
    </message>
    <message>
        <location filename="../../kbdesk/ui/app.py" line="72"/>
        <source>The knowledge base could not be opened:
{error}</source>
        <translation>Не удалось открыть базу знаний:
{error}</translation>
    </message>
</context>
</TS>
