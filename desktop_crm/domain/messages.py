"""The few sentences the domain must phrase itself, in English and Simplified Chinese.

The UI translates its own strings with Qt; validation reasons and other domain messages
come from this table so the CLI (no Qt) and the GUI say the same thing.
"""

from __future__ import annotations

LANGUAGES = ("en", "zh_CN")
_language = "en"

MESSAGES: dict[str, dict[str, str]] = {
    "required": {"en": "is required", "zh_CN": "不能为空"},
    "too_long": {"en": "is longer than {max} characters", "zh_CN": "超过 {max} 个字符"},
    "bad_choice": {"en": "must be one of: {choices}", "zh_CN": "须为以下之一：{choices}"},
    "bad_phone": {
        "en": "“{value}” is not a valid phone number",
        "zh_CN": "“{value}”不是有效的电话号码",
    },
    "unverified_phone": {
        "en": "“{value}” could be a phone number but is not valid for its region",
        "zh_CN": "“{value}”可能是电话号码，但不符合其地区的号码规则",
    },
    "import_unverified_phone": {
        "en": "{reason}; kept as typed, marked unverified",
        "zh_CN": "{reason}；已按原样保留，标记为未验证",
    },
    "bad_email": {
        "en": "“{value}” is not a valid email address",
        "zh_CN": "“{value}”不是有效的邮箱地址",
    },
    "bad_date": {"en": "“{value}” is not a real date", "zh_CN": "“{value}”不是有效的日期"},
    "future_date": {"en": "cannot be in the future", "zh_CN": "不能晚于今天"},
    "bad_range": {"en": "must be between {low} and {high}", "zh_CN": "须在 {low} 到 {high} 之间"},
    "bad_number": {"en": "“{value}” is not a number", "zh_CN": "“{value}”不是数字"},
    "bad_lunar": {"en": "is not a lunar month and day", "zh_CN": "不是有效的农历月日"},
    "unknown_owner": {"en": "no user named “{value}”", "zh_CN": "没有名为“{value}”的用户"},
    "unknown_customer": {"en": "no customer {value}", "zh_CN": "没有客户 {value}"},
    "self_relation": {
        "en": "a customer cannot be related to itself",
        "zh_CN": "客户不能与自己建立关系",
    },
    "duplicate_code": {"en": "code {value} is already used", "zh_CN": "编号 {value} 已被使用"},
    "stale": {
        "en": "{name} was changed by someone else since you opened it",
        "zh_CN": "{name} 在您打开后已被他人修改",
    },
    "stale_by": {
        "en": "{name} was changed since you opened it: {changes}",
        "zh_CN": "{name} 在您打开后已被修改：{changes}",
    },
    "changed_fields": {
        "en": "{who} changed {fields} at {when}",
        "zh_CN": "{who} 于 {when} 修改了 {fields}",
    },
    # signing in to an office database (db/connection.py, db/sign_in.py)
    "wrong_password": {
        "en": "wrong user name or password for {user} on {server}",
        "zh_CN": "{server} 上用户 {user} 的用户名或密码不正确",
    },
    "account_disabled": {
        "en": "the account {user} is disabled on {server}; ask an office administrator",
        "zh_CN": "账户 {user} 在 {server} 上已停用，请联系办公室管理员",
    },
    "no_such_database": {
        "en": "there is no database {name} on the server {server}",
        "zh_CN": "服务器 {server} 上没有数据库 {name}",
    },
    "server_unreachable": {
        "en": "cannot reach the database server {server}: check that it is running and "
        "that this computer is on the office network",
        "zh_CN": "无法连接数据库服务器 {server}：请确认服务器正在运行，且本机已接入办公室网络",
    },
    "connection_lost": {
        "en": "the connection to the database server {server} was lost; nothing of the "
        "last action was saved — try again when the server is back",
        "zh_CN": "与数据库服务器 {server} 的连接已中断；刚才的操作未保存，请在服务器恢复后重试",
    },
    "need_server": {
        "en": "give the server's name or address, e.g. crm.office.lan",
        "zh_CN": "请填写服务器名称或地址，例如 crm.office.lan",
    },
    "bad_port": {
        "en": "“{value}” is not a port number (1–65535)",
        "zh_CN": "“{value}”不是端口号（1–65535）",
    },
    "need_database": {
        "en": "give the name of the office database",
        "zh_CN": "请填写办公室数据库名称",
    },
    "need_user": {"en": "give your user name", "zh_CN": "请填写用户名"},
    "erased_customer": {
        "en": "customer {value} was erased: nothing about the person is left",
        "zh_CN": "客户 {value} 的个人数据已删除",
    },
    "erase_merged": {
        "en": "customer {value} was merged into {into}: erase {into}",
        "zh_CN": "客户 {value} 已合并到 {into}：请删除 {into} 的数据",
    },
    "erase_needs_admin": {
        "en": "only an administrator may erase a person's data in office mode "
        "(only they reach every record that may mention them)",
        "zh_CN": "办公室模式下只有管理员可以删除个人数据（只有管理员能看到所有可能提及此人的记录）",
    },
    "erase_not_confirmed": {
        "en": "erasing {value} cannot be undone; add --yes to erase it",
        "zh_CN": "删除 {value} 的个人数据后无法恢复；确认请加 --yes",
    },
    "in_trash": {"en": "customer {value} is in the trash", "zh_CN": "客户 {value} 在回收站中"},
    "not_in_trash": {
        "en": "customer {value} is not in the trash",
        "zh_CN": "客户 {value} 不在回收站中",
    },
    "unknown_followup": {"en": "no follow-up {value}", "zh_CN": "没有跟进记录 {value}"},
    "no_such_file": {"en": "there is no file “{value}”", "zh_CN": "文件“{value}”不存在"},
    # field sync (domain/sync.py, sync_file.py, replica.py)
    "sync_cancelled": {
        "en": "the sync was cancelled; nothing changed on either side",
        "zh_CN": "同步已取消，两边均未改动",
    },
    "not_a_replica": {
        "en": "this database is not a replica: take one with `desktop-crm sync clone`",
        "zh_CN": "此数据库不是离线副本：请用 `desktop-crm sync clone` 取一份",
    },
    "replica_without_mark": {
        "en": "this replica does not know when it was taken; take a new one",
        "zh_CN": "此副本不知道自己是何时取出的，请重新取一份",
    },
    "replica_of_another_user": {
        "en": "this replica is {owner}'s: sign in as {owner}, not {user}",
        "zh_CN": "此副本属于 {owner}：请以 {owner} 登录，而不是 {user}",
    },
    "bad_conflict_choice": {
        "en": "choose “{mine}” or “{theirs}”, not “{choice}”",
        "zh_CN": "请选择“{mine}”或“{theirs}”，而不是“{choice}”",
    },
    "conflict_settled": {
        "en": "that conflict is settled already",
        "zh_CN": "该冲突已经解决",
    },
    "not_a_sync_file": {
        "en": "{file} is not a Desktop CRM sync file",
        "zh_CN": "{file} 不是 Desktop CRM 同步文件",
    },
    "sync_file_altered": {
        "en": "{file} was changed or cut short after it was written (its signature does not "
        "match): it was not applied; write it again",
        "zh_CN": "{file} 写出后被改动或截断（签名不符），未应用；请重新写出",
    },
    "sync_file_needs_replica": {
        "en": "this database is not a replica: only a replica writes sync files and applies "
        "the office's replies",
        "zh_CN": "此数据库不是离线副本：只有副本才能写出同步文件并应用办公室的回复",
    },
    "not_our_reply": {
        "en": "{file} is not the office's reply to this replica",
        "zh_CN": "{file} 不是办公室给此副本的回复",
    },
    "reply_too_old": {
        "en": "{file} is older than what this replica already has (reply {number}): "
        "nothing was applied",
        "zh_CN": "{file} 比此副本已有的内容更旧（回复 {number}），未应用任何内容",
    },
    "changes_go_to_office": {
        "en": "a replica's changes are applied to its office database (postgresql://…)",
        "zh_CN": "副本的更改须应用到其办公室数据库（postgresql://…）",
    },
    "reply_not_changes": {
        "en": "{file} is a reply for a replica, not a replica's changes",
        "zh_CN": "{file} 是给副本的回复，不是副本的更改",
    },
    "changes_of_another_user": {
        "en": "{file} holds {owner}'s changes: sign in as {owner} to apply them, not as {user}",
        "zh_CN": "{file} 中是 {owner} 的更改：请以 {owner} 登录后应用，而不是 {user}",
    },
    "unknown_replica": {
        "en": "{file} comes from a replica this office did not give out ({office}); this is {here}",
        "zh_CN": "{file} 来自一个并非本办公室发出的副本（{office}）；这里是 {here}",
    },
    "sync_file_applied_already": {
        "en": "{file} is file {number} of this replica, and file {last} was applied already: "
        "a newer one holds all of its changes; nothing was applied",
        "zh_CN": "{file} 是此副本的第 {number} 个文件，而第 {last} 个已应用过："
        "较新的文件包含了它的全部更改；未应用任何内容",
    },
    "replica_from_office_only": {
        "en": "a replica is taken from an office database (postgresql://…), not {source}",
        "zh_CN": "副本须从办公室数据库（postgresql://…）取出，而不是 {source}",
    },
    "replica_exists": {
        "en": "{file} exists already: a replica is never written over; choose a new file",
        "zh_CN": "{file} 已存在：副本从不覆盖已有文件，请另选一个文件名",
    },
    "folder_missing": {
        "en": "the folder {folder} does not exist",
        "zh_CN": "文件夹 {folder} 不存在",
    },
    "copy_cancelled": {
        "en": "the copy was cancelled; nothing was written",
        "zh_CN": "复制已取消，未写入任何内容",
    },
    # importing and exporting files (exchange/*, domain/imports.py)
    "file_missing": {"en": "{file} does not exist", "zh_CN": "{file} 不存在"},
    "file_is_folder": {
        "en": "{file} is a folder, not a file",
        "zh_CN": "{file} 是文件夹，不是文件",
    },
    "file_unreadable": {"en": "cannot read {file}: {reason}", "zh_CN": "无法读取 {file}：{reason}"},
    "file_empty": {"en": "{file} is empty", "zh_CN": "{file} 是空文件"},
    "csv_not_text": {
        "en": "{file} is not a text (CSV) file",
        "zh_CN": "{file} 不是文本（CSV）文件",
    },
    "csv_unknown_encoding": {
        "en": "{file} is not a text (CSV) file, or its encoding is unknown",
        "zh_CN": "{file} 不是文本（CSV）文件，或其编码无法识别",
    },
    "csv_bad_header": {
        "en": "{file}: the header row is not valid CSV ({reason})",
        "zh_CN": "{file}：标题行不是有效的 CSV（{reason}）",
    },
    "csv_no_header": {
        "en": "{file} has no header row (the first line is empty)",
        "zh_CN": "{file} 没有标题行（第一行为空）",
    },
    "csv_bad_encoding_line": {
        "en": "{file}: line {line} cannot be read as {encoding} ({reason})",
        "zh_CN": "{file}：第 {line} 行无法按 {encoding} 编码读取（{reason}）",
    },
    "csv_bad_line": {
        "en": "{file}: line {line} is not valid CSV ({reason})",
        "zh_CN": "{file}：第 {line} 行不是有效的 CSV（{reason}）",
    },
    "csv_bad_encoding": {
        "en": "the file cannot be read as {encoding}",
        "zh_CN": "无法按 {encoding} 编码读取该文件",
    },
    "xlsx_old_format": {
        "en": "{file} is an old-style Excel (.xls) or password-protected workbook; in Excel, "
        "remove the password if any and Save As “Excel Workbook (.xlsx)” or CSV UTF-8",
        "zh_CN": "{file} 是旧版 Excel（.xls）或有密码保护的工作簿；请在 Excel 中去掉密码，"
        "另存为“Excel 工作簿（.xlsx）”或“CSV UTF-8”",
    },
    "xlsx_not_xlsx": {
        "en": "{file} is not an Excel .xlsx file",
        "zh_CN": "{file} 不是 Excel .xlsx 文件",
    },
    "xlsx_truncated": {
        "en": "{file} is not a readable Excel .xlsx file (it is truncated or damaged)",
        "zh_CN": "{file} 不是可读取的 Excel .xlsx 文件（文件不完整或已损坏）",
    },
    "xlsx_damaged": {
        "en": "{file} is not a readable Excel .xlsx file (it may be truncated or damaged: "
        "{reason})",
        "zh_CN": "{file} 不是可读取的 Excel .xlsx 文件（可能不完整或已损坏：{reason}）",
    },
    "xlsx_row_damaged": {
        "en": "{file}: row {row} of sheet “{sheet}” cannot be read (the file may be truncated "
        "or damaged: {reason})",
        "zh_CN": "{file}：工作表“{sheet}”第 {row} 行无法读取（文件可能不完整或已损坏：{reason}）",
    },
    "xlsx_no_sheets": {"en": "{file} has no sheets", "zh_CN": "{file} 中没有工作表"},
    "xlsx_sheet_empty": {"en": "{where} is empty", "zh_CN": "{where} 是空的"},
    "xlsx_sheet_of": {"en": "the sheet “{sheet}” of {file}", "zh_CN": "{file} 的工作表“{sheet}”"},
    "xlsx_no_such_sheet": {
        "en": "{file} has no sheet named “{sheet}” (its sheets: {sheets})",
        "zh_CN": "{file} 中没有名为“{sheet}”的工作表（其工作表：{sheets}）",
    },
    "vcard_not_text": {
        "en": "{file} is not a vCard file (it is not text)",
        "zh_CN": "{file} 不是 vCard 文件（不是文本文件）",
    },
    "vcard_no_cards": {
        "en": "{file} is not a vCard file: it has no BEGIN:VCARD line",
        "zh_CN": "{file} 不是 vCard 文件：没有 BEGIN:VCARD 行",
    },
    "dashboard_cancelled": {
        "en": "the dashboard computation was cancelled",
        "zh_CN": "仪表盘计算已取消",
    },
    "import_cancelled": {
        "en": "the import was cancelled; nothing of it was kept",
        "zh_CN": "导入已取消，没有保留任何导入内容",
    },
    "import_no_rows": {
        "en": "{file} has a header row but no customers",
        "zh_CN": "{file} 只有标题行，没有客户数据",
    },
    "import_no_cards": {"en": "{file} has no cards", "zh_CN": "{file} 中没有联系人名片"},
    "import_unknown_columns": {
        "en": "{file}: none of its columns is one we know (found: {found}); "
        "the first row must name the columns, e.g. 姓名/name, 手机/mobile, 邮箱/email",
        "zh_CN": "{file}：没有可识别的列（找到：{found}）；第一行须为列名，如 姓名、手机、邮箱",
    },
    "import_no_name_column": {
        "en": "{file} has no name column (姓名/name, or 公司/company); found: {found}",
        "zh_CN": "{file} 没有姓名列（姓名或公司）；找到：{found}",
    },
    "import_headers_changed": {
        "en": "{file} no longer has the columns the mapping was made for; choose the file again",
        "zh_CN": "{file} 的列已与所设的列对应不符，请重新选择文件",
    },
    "import_ragged_row": {
        "en": "has {cells} cells but the header names {columns} columns (a value with an "
        "unquoted comma or semicolon?); the row was not imported",
        "zh_CN": "有 {cells} 个单元格，但标题只有 {columns} 列"
        "（某个值含有未加引号的逗号或分号？）；该行未导入",
    },
    "import_all_rows_ragged": {
        "en": "{file}: every row has more cells than the {columns} columns its header names "
        "(values with unquoted commas or semicolons?); nothing in it can be imported",
        "zh_CN": "{file}：每一行的单元格都多于标题的 {columns} 列"
        "（值中含有未加引号的逗号或分号？），无法导入",
    },
    "import_ambiguous_dates": {
        "en": "{columns}; say which order the dates are in (day/month or month/day)",
        "zh_CN": "{columns}；请指定日期的顺序（日/月 或 月/日）",
    },
    "date_column_mixed": {
        "en": "the column “{column}” holds both day-first ({dmy}) and month-first ({mdy}) dates",
        "zh_CN": "“{column}”列中既有日在前（{dmy}）也有月在前（{mdy}）的日期",
    },
    "date_column_either": {
        "en": "the dates in the column “{column}” (e.g. {examples}) could be day/month or "
        "month/day",
        "zh_CN": "“{column}”列中的日期（如 {examples}）既可读作日/月，也可读作月/日",
    },
    "import_not_same_customer": {
        "en": "{code} is {name} here, not {other}; leave the code empty to add a new customer",
        "zh_CN": "编号 {code} 在此是 {name}，不是 {other}；清空编号即可新增客户",
    },
    "import_same_phone": {
        "en": "same phone as {code} {name}",
        "zh_CN": "与 {code} {name} 的电话相同",
    },
    "import_same_email": {
        "en": "same email as {code} {name}",
        "zh_CN": "与 {code} {name} 的邮箱相同",
    },
    "import_merged_into": {"en": "into {name}", "zh_CN": "并入 {name}"},
    "import_without_owner": {
        "en": "{reason}; imported without an owner",
        "zh_CN": "{reason}；已导入，未设负责人",
    },
    "import_without_referrer": {
        "en": "{reason}; imported without a referrer",
        "zh_CN": "{reason}；已导入，未设介绍人",
    },
    "cannot_write": {"en": "cannot write {file}: {reason}", "zh_CN": "无法写入 {file}：{reason}"},
    "write_to_folder": {
        "en": "{file} is a folder; give a file name",
        "zh_CN": "{file} 是文件夹，请给出文件名",
    },
    "write_no_folder": {
        "en": "cannot write {file}: the folder {folder} does not exist",
        "zh_CN": "无法写入 {file}：文件夹 {folder} 不存在",
    },
    "write_not_folder": {
        "en": "cannot write {file}: {folder} is not a folder",
        "zh_CN": "无法写入 {file}：{folder} 不是文件夹",
    },
    "export_cancelled": {
        "en": "the export was cancelled; no file was written",
        "zh_CN": "导出已取消，未写入文件",
    },
    "unknown_import": {
        "en": "no import {value} (see the list of imports)",
        "zh_CN": "没有导入批次 {value}（请查看导入记录）",
    },
    "import_undone_already": {
        "en": "import {value} was undone already, on {when} UTC",
        "zh_CN": "导入 {value} 已于 {when}（UTC）撤销",
    },
    "import_undo_blocked": {
        "en": "cannot undo import {value}: {count} of its customers were changed since: "
        "{shown}{more}; nothing was undone",
        "zh_CN": "无法撤销导入 {value}：其中 {count} 个客户在导入后有改动：{shown}{more}；"
        "未撤销任何内容",
    },
    "and_more": {"en": "; and {count} more", "zh_CN": "；另有 {count} 个"},
    "undo_merged_since": {"en": "merged since the import", "zh_CN": "导入后已合并"},
    "undo_has_records": {"en": "has {table} now", "zh_CN": "已有{table}"},
    # what `undo_has_records` names, by table
    "records_customer_relation": {"en": "relations to other customers", "zh_CN": "客户关系"},
    "records_follow_up": {"en": "follow-ups", "zh_CN": "跟进记录"},
    "records_order": {"en": "orders", "zh_CN": "订单"},
    "records_payment": {"en": "payments", "zh_CN": "付款记录"},
    "records_complaint": {"en": "complaints", "zh_CN": "投诉"},
    "records_survey": {"en": "satisfaction surveys", "zh_CN": "满意度调查"},
    "records_strategy_step": {"en": "ticked strategy steps", "zh_CN": "已勾选的策略步骤"},
    "undo_referred": {"en": "referred {code}", "zh_CN": "介绍了 {code}"},
    "undo_edited_field": {
        "en": "edited ({field}) since the import",
        "zh_CN": "导入后已编辑（{field}）",
    },
    "undo_action_since": {"en": "{action} since the import", "zh_CN": "导入后有操作：{action}"},
    "undo_changed_at": {"en": "changed {when} UTC", "zh_CN": "已于 {when}（UTC）修改"},
    "undo_merged_away": {
        "en": "merged into another customer or trashed since",
        "zh_CN": "导入后已并入其他客户或移入回收站",
    },
    "undo_in_trash": {"en": "in the trash", "zh_CN": "在回收站中"},
    "undo_changed_fields": {
        "en": "changed since the import: {fields}",
        "zh_CN": "导入后已修改：{fields}",
    },
    "undo_cannot_restore": {"en": "cannot be put back: {reason}", "zh_CN": "无法恢复：{reason}"},
    "unknown_segment": {
        "en": "no saved segment named “{value}”",
        "zh_CN": "没有名为“{value}”的客户分组",
    },
    "duplicate_username": {
        "en": "user name “{value}” is already taken",
        "zh_CN": "用户名“{value}”已被使用",
    },
    "not_planned": {
        "en": "follow-up {value} is not a planned one",
        "zh_CN": "跟进 {value} 不是计划中的跟进",
    },
    # follow-ups (domain/followups.py)
    "unknown_contact": {
        "en": "no contact person {value} at this customer",
        "zh_CN": "该客户没有联系人 {value}",
    },
    "default_followup_subject": {"en": "Follow up", "zh_CN": "跟进"},
    # merging and unmerging (domain/merge.py)
    "merge_itself": {
        "en": "cannot merge a customer with itself",
        "zh_CN": "不能把客户与自己合并",
    },
    "merge_already_merged": {
        "en": "cannot merge: {customer} is merged into another customer",
        "zh_CN": "无法合并：{customer} 已被合并到其他客户",
    },
    "merge_in_trash": {
        "en": "cannot merge: {customer} is in the trash",
        "zh_CN": "无法合并：{customer} 在回收站中",
    },
    "merge_bad_field": {
        "en": "is not a field that can be chosen in a merge",
        "zh_CN": "不是合并时可选择的字段",
    },
    "unknown_merge": {"en": "no merge {value}", "zh_CN": "没有合并记录 {value}"},
    "merge_not_named": {
        "en": "say which merge to undo: its id, or the customers' ids",
        "zh_CN": "请指明要撤销的合并：合并记录编号或客户编号",
    },
    "no_merge_to_undo": {
        "en": "no merge of these customers to undo",
        "zh_CN": "这些客户没有可撤销的合并",
    },
    "unmerge_done_already": {
        "en": "the merge of {other} into {kept} was undone already",
        "zh_CN": "{other} 合并到 {kept} 的操作已经撤销过了",
    },
    "unmerge_merged_again": {
        "en": "{kept} was merged again since into {into}; undo that first",
        "zh_CN": "{kept} 之后又被合并到 {into}，请先撤销那次合并",
    },
    "unmerge_kept_in_trash": {
        "en": "{kept} was moved to the trash since; restore it first, then undo the merge",
        "zh_CN": "{kept} 之后已被移到回收站，请先恢复它，再撤销合并",
    },
    # likely duplicates (domain/duplicates.py); a reason, then where the names were compared
    "dup_same_phone": {"en": "same phone {value}", "zh_CN": "电话相同：{value}"},
    "dup_same_email": {"en": "same email {value}", "zh_CN": "邮箱相同：{value}"},
    "dup_same_name": {"en": "same name {value}", "zh_CN": "姓名相同：{value}"},
    "dup_sound_same": {
        "en": "names sound the same ({first} / {second})",
        "zh_CN": "姓名读音相同（{first} / {second}）",
    },
    "dup_similar_names": {
        "en": "similar names ({first} / {second})",
        "zh_CN": "姓名相近（{first} / {second}）",
    },
    "dup_alike_names": {
        "en": "alike names ({first} / {second})",
        "zh_CN": "姓名相似（{first} / {second}）",
    },
    "dup_in_company": {
        "en": "{reason}, same company {value}",
        "zh_CN": "{reason}，同一公司：{value}",
    },
    "dup_in_city": {"en": "{reason}, same city {value}", "zh_CN": "{reason}，同一城市：{value}"},
    # orders, service, lifecycle, value, care (domain/orders.py … care.py)
    "not_editable": {"en": "cannot be changed here", "zh_CN": "不能在此修改"},
    "negative_amount": {"en": "cannot be negative", "zh_CN": "不能为负数"},
    "must_be_positive": {"en": "must be greater than zero", "zh_CN": "必须大于零"},
    "unknown_order": {"en": "no order {value}", "zh_CN": "没有订单 {value}"},
    "unknown_payment": {"en": "no payment {value}", "zh_CN": "没有收款记录 {value}"},
    "unknown_shipment": {"en": "no shipment {value}", "zh_CN": "没有发货记录 {value}"},
    "duplicate_order_no": {
        "en": "order number {value} is already used",
        "zh_CN": "订单号 {value} 已被使用",
    },
    "due_before_order": {
        "en": "cannot be before the order date",
        "zh_CN": "不能早于下单日期",
    },
    "amount_below_paid": {
        "en": "cannot be less than the {paid} already paid",
        "zh_CN": "不能少于已收的 {paid}",
    },
    "order_has_payments": {
        "en": "an order with payments cannot be cancelled; correct the payments first",
        "zh_CN": "已有收款的订单不能取消，请先更正收款记录",
    },
    "order_cancelled": {"en": "the order is cancelled", "zh_CN": "该订单已取消"},
    "shipped_before_order": {
        "en": "cannot be before the order date",
        "zh_CN": "不能早于下单日期",
    },
    "ships_more_than_ordered": {
        "en": "shipments would exceed the {value} ordered",
        "zh_CN": "发货数量将超过订购的 {value}",
    },
    "paid_before_order": {"en": "cannot be before the order date", "zh_CN": "不能早于下单日期"},
    "overpayment": {
        "en": "is more than the {owed} still owed on the order",
        "zh_CN": "超过该订单尚欠的 {owed}",
    },
    "credit_limit_exceeded": {
        "en": "This order takes the customer's balance to {total}, {over} over the "
        "credit limit of {limit}.",
        "zh_CN": "此订单使客户欠款达到 {total}，超出信用额度 {limit} 共 {over}。",
    },
    "unknown_complaint": {"en": "no complaint {value}", "zh_CN": "没有投诉 {value}"},
    "unknown_survey": {"en": "no survey {value}", "zh_CN": "没有满意度调查 {value}"},
    "bad_transition": {
        "en": "a complaint cannot go from {old} to {new}",
        "zh_CN": "投诉不能从 {old} 变为 {new}",
    },
    # Complaint statuses as bad_transition names them.
    "complaint_open": {"en": "open", "zh_CN": "待处理"},
    "complaint_in_progress": {"en": "in progress", "zh_CN": "处理中"},
    "complaint_resolved": {"en": "resolved", "zh_CN": "已解决"},
    "complaint_closed": {"en": "closed", "zh_CN": "已关闭"},
    "survey_needs_score": {
        "en": "give a satisfaction score or an NPS score",
        "zh_CN": "请填写满意度或推荐值",
    },
    "exit_reason_price": {"en": "Price", "zh_CN": "价格"},
    "exit_reason_competitor": {"en": "Went to a competitor", "zh_CN": "转向竞争对手"},
    "exit_reason_service": {"en": "Service", "zh_CN": "服务"},
    "exit_reason_no_longer_needed": {"en": "No longer needed", "zh_CN": "不再需要"},
    "exit_reason_moved": {"en": "Moved away", "zh_CN": "迁离"},
    "exit_reason_business_closed": {"en": "Business closed", "zh_CN": "停业"},
    "exit_reason_other": {"en": "Other", "zh_CN": "其他"},
    "churn_overdue": {
        "en": "no purchase for {days} days (usually every {interval} days)",
        "zh_CN": "已 {days} 天未购买（通常每 {interval} 天一次）",
    },
    "churn_complaints": {
        "en": "unresolved complaints: {count}",
        "zh_CN": "未解决的投诉：{count} 个",
    },
    "churn_satisfaction": {
        "en": "satisfaction fell from {before} to {latest}",
        "zh_CN": "满意度从 {before} 降到 {latest}",
    },
    "churn_nps": {
        "en": "NPS score fell from {before} to {latest}",
        "zh_CN": "推荐值从 {before} 降到 {latest}",
    },
    "retention_subject": {"en": "Win back: {reason}", "zh_CN": "客户挽留：{reason}"},
    "retention_subject_plain": {"en": "Retention call", "zh_CN": "客户挽留回访"},
    "care_subject": {"en": "Greetings sent", "zh_CN": "客户关怀问候"},
    "bad_template": {
        "en": "has an unmatched brace {{ or }}",
        "zh_CN": "含有不配对的花括号 {{ 或 }}",
    },
    "unknown_placeholder": {
        "en": "unknown placeholder {{{value}}}; use one of: {choices}",
        "zh_CN": "未知的占位符 {{{value}}}，可用：{choices}",
    },
    # encryption at rest (db/cipher.py)
    "db_password_required": {
        "en": "{path} is protected with a password; give the password to open it",
        "zh_CN": "{path} 已设密码保护，请输入密码后打开",
    },
    "db_wrong_password": {
        "en": "wrong password for {path}",
        "zh_CN": "{path} 的密码不正确",
    },
    "db_empty_password": {
        "en": "the password cannot be empty",
        "zh_CN": "密码不能为空",
    },
    "db_already_encrypted": {
        "en": "{path} is already protected with a password; change it instead",
        "zh_CN": "{path} 已设密码保护，如需更改请使用“更改密码”",
    },
    "db_not_encrypted": {
        "en": "{path} is not protected with a password",
        "zh_CN": "{path} 未设密码保护",
    },
    "db_in_use": {
        "en": "{path} is in use by another program; close it there and try again; "
        "nothing was changed",
        "zh_CN": "{path} 正被其他程序使用，请先在那里关闭后重试；未做任何更改",
    },
    "db_changed_meanwhile": {
        "en": "{path} was changed by another program meanwhile; close it there and try "
        "again; nothing was changed",
        "zh_CN": "{path} 在此期间被其他程序修改，请先在那里关闭后重试；未做任何更改",
    },
    "db_conversion_cancelled": {
        "en": "stopped; {path} was not changed",
        "zh_CN": "已停止；{path} 未做任何更改",
    },
    "db_conversion_failed": {
        "en": "cannot rewrite {path}: {reason}; nothing was changed",
        "zh_CN": "无法改写 {path}：{reason}；未做任何更改",
    },
    "holiday_new_year": {"en": "New Year's Day", "zh_CN": "元旦"},
    "holiday_womens_day": {"en": "Women's Day", "zh_CN": "妇女节"},
    "holiday_labour_day": {"en": "Labour Day", "zh_CN": "劳动节"},
    "holiday_childrens_day": {"en": "Children's Day", "zh_CN": "儿童节"},
    "holiday_teachers_day": {"en": "Teachers' Day", "zh_CN": "教师节"},
    "holiday_national_day": {"en": "National Day", "zh_CN": "国庆节"},
    "holiday_christmas": {"en": "Christmas", "zh_CN": "圣诞节"},
    "holiday_spring_festival": {"en": "Spring Festival", "zh_CN": "春节"},
    "holiday_new_years_eve": {"en": "Chinese New Year's Eve", "zh_CN": "除夕"},
    "holiday_lantern_festival": {"en": "Lantern Festival", "zh_CN": "元宵节"},
    "holiday_dragon_boat": {"en": "Dragon Boat Festival", "zh_CN": "端午节"},
    "holiday_qixi": {"en": "Qixi Festival", "zh_CN": "七夕"},
    "holiday_mid_autumn": {"en": "Mid-Autumn Festival", "zh_CN": "中秋节"},
    "holiday_double_ninth": {"en": "Double Ninth Festival", "zh_CN": "重阳节"},
    "greeting_birthday": {
        "en": "Dear {title} {name},\n\nHappy birthday! Wishing you good health and every "
        "success in the year ahead.\n\nWarm regards",
        "zh_CN": "尊敬的{name}{title}：\n\n祝您生日快乐，身体健康，万事如意！",
    },
    "greeting_holiday": {
        "en": "Dear {title} {name},\n\nWarm wishes for {holiday} to you and your family, "
        "and thank you for your trust.\n\nWarm regards",
        "zh_CN": "尊敬的{name}{title}：\n\n值此{holiday}之际，谨向您和家人致以诚挚的问候，"
        "感谢您一直以来的信任与支持！",
    },
    "greeting_anniversary": {
        "en": "Dear {title} {name},\n\nToday is the anniversary of your first order with "
        "us. Thank you for your trust over the years!\n\nWarm regards",
        "zh_CN": "尊敬的{name}{title}：\n\n今天是我们合作 {years} 周年的日子，"
        "感谢您一直以来的信任与支持！",
    },
    # backups and their rotation (domain/backups.py)
    "backup_folder_missing": {
        "en": "the backup folder {folder} does not exist (is the drive plugged in?)",
        "zh_CN": "备份文件夹 {folder} 不存在（移动硬盘或 U 盘是否已插好？）",
    },
    "backup_folder_not_writable": {
        "en": "cannot write in the backup folder {folder}: {reason}",
        "zh_CN": "无法写入备份文件夹 {folder}：{reason}",
    },
    "backup_policy_unreadable": {
        "en": "the backup settings file {file} cannot be read ({reason}); "
        "save the backup settings again or delete the file",
        "zh_CN": "无法读取备份设置文件 {file}（{reason}）；请重新保存备份设置或删除该文件",
    },
    "backup_not_sound": {
        "en": "the backup {file} failed its check and was deleted: {reason}",
        "zh_CN": "备份 {file} 未通过检查，已删除：{reason}",
    },
    # the check before a database is opened (db/integrity.py)
    "damage_not_a_database": {
        "en": "{file} is not a Desktop CRM database (it is not a SQLite file)",
        "zh_CN": "{file} 不是 Desktop CRM 数据库（不是 SQLite 文件）",
    },
    "damage_zeros": {
        "en": "the database {file} is damaged: it holds only zeros (its contents were lost)",
        "zh_CN": "数据库 {file} 已损坏：全部为零字节（内容已丢失）",
    },
    "damage_header": {
        "en": "the database {file} is damaged: its header is not valid",
        "zh_CN": "数据库 {file} 已损坏：文件头无效",
    },
    "damage_truncated": {
        "en": "the database {file} is damaged: it is truncated (its end is missing)",
        "zh_CN": "数据库 {file} 已损坏：文件被截断（末尾缺失）",
    },
    "damage_pages": {
        "en": "the database {file} is damaged: it has corrupted pages",
        "zh_CN": "数据库 {file} 已损坏：有损坏的页",
    },
    "damage_wal": {
        "en": "the database {file} is damaged: its write-ahead log (-wal file) is torn",
        "zh_CN": "数据库 {file} 已损坏：其预写日志（-wal 文件）不完整",
    },
    "recovery_failed": {
        "en": "cannot put the damaged {file} aside and restore the backup: {reason}",
        "zh_CN": "无法移开已损坏的 {file} 并恢复备份：{reason}",
    },
    "damaged_hint": {
        "en": "restore a backup with `desktop-crm restore FILE`",
        "zh_CN": "请用 `desktop-crm restore 文件` 恢复备份",
    },
    "database_busy": {
        "en": "the database {file} is busy (another program is writing to it); try again "
        "in a moment",
        "zh_CN": "数据库 {file} 正忙（另一个程序正在写入）；请稍后重试",
    },
    "disk_full": {
        "en": "the disk holding {file} is full; nothing of the last action was saved — "
        "free some space and try again",
        "zh_CN": "{file} 所在的磁盘已满；刚才的操作未保存，请释放空间后重试",
    },
    "database_read_only": {
        "en": "the database {file} cannot be written (a read-only file, folder or disk); "
        "nothing of the last action was saved",
        "zh_CN": "数据库 {file} 无法写入（文件、文件夹或磁盘为只读）；刚才的操作未保存",
    },
    "disk_io_error": {
        "en": "the disk holding {file} could not be written (an input/output error); "
        "nothing of the last action was saved",
        "zh_CN": "无法写入 {file} 所在的磁盘（输入/输出错误）；刚才的操作未保存",
    },
    "opened_read_only": {
        "en": "the database {file} is open read-only; changes cannot be saved",
        "zh_CN": "数据库 {file} 以只读方式打开，无法保存更改",
    },
}


def set_language(language: str) -> None:
    """Choose the language of domain messages ("en" or "zh_CN"; "zh…" means Chinese)."""
    global _language
    _language = "zh_CN" if language.lower().startswith("zh") else "en"


def language() -> str:
    return _language


def text(key: str, **params: object) -> str:
    """The message `key` in the current language, with `params` filled in."""
    entry = MESSAGES[key]
    return entry.get(_language, entry["en"]).format(**params)
