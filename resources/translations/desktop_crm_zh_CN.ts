<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Actions</name>
    <message>
        <location filename="../../desktop_crm/ui/actions.py" line="+25"/>
        <source>&amp;New Customer</source>
        <translation>新建客户(&amp;N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New &amp;Enterprise</source>
        <translation>新建企业客户(&amp;E)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Revert Changes</source>
        <translation>还原更改(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move to &amp;Trash</source>
        <translation>移到回收站(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show T&amp;rash</source>
        <translation>显示回收站(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restore from Trash</source>
        <translation>从回收站还原</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Find Customer</source>
        <translation>查找客户(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Command Palette…</source>
        <translation>命令面板(&amp;C)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ne&amp;xt Customer</source>
        <translation>下一个客户(&amp;X)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pre&amp;vious Customer</source>
        <translation>上一个客户(&amp;V)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Bulk Edit Selected…</source>
        <translation>批量编辑所选客户(&amp;B)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save Filter as &amp;Segment…</source>
        <translation>将筛选保存为客户分组(&amp;S)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;lear Search and Filters</source>
        <translation>清除搜索和筛选(&amp;L)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Log a Contact</source>
        <translation>记录联系(&amp;L)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Plan Next Follow-up</source>
        <translation>计划下次跟进(&amp;P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Today&apos;s Follow-ups</source>
        <translation>今日跟进(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Back Up Now…</source>
        <translation>立即备份(&amp;B)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restore from Bac&amp;kup…</source>
        <translation>从备份恢复(&amp;K)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xport as PDF…</source>
        <translation>导出为 PDF(&amp;X)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print &amp;List…</source>
        <translation>打印列表(&amp;L)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print Address La&amp;bels…</source>
        <translation>打印地址标签(&amp;B)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print En&amp;velopes…</source>
        <translation>打印信封(&amp;V)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print Follow-up &amp;Plan…</source>
        <translation>打印跟进计划(&amp;P)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;About Desktop CRM</source>
        <translation>关于 Desktop CRM(&amp;A)</translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <location filename="../../desktop_crm/ui/backup_actions.py" line="+28"/>
        <source>Back up</source>
        <translation>备份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The office database is backed up on the server.</source>
        <translation>办公室共享数据库在服务器上备份。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Back up the database to</source>
        <translation>将数据库备份到</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Desktop CRM database (*.sqlite3)</source>
        <translation>Desktop CRM 数据库 (*.sqlite3)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Backed up to %1</source>
        <translation>已备份到 %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+10"/>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Desktop CRM database (*.sqlite3);;All files (*)</source>
        <translation>Desktop CRM 数据库 (*.sqlite3);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Replace all current data with the backup %1? A copy of the current data is kept in the backups folder.</source>
        <translation>用备份 %1 替换当前全部数据吗？当前数据的副本会保存在备份文件夹中。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Restored from %1</source>
        <translation>已从 %1 恢复</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Restoring…</source>
        <translation>正在恢复…</translation>
    </message>
</context>
<context>
    <name>BirthdayEdit</name>
    <message>
        <location filename="../../desktop_crm/ui/widgets/birthday_edit.py" line="+23"/>
        <location line="+1"/>
        <source>No birthday</source>
        <translation>无生日</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Birthday (solar)</source>
        <translation>生日（公历）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Year unknown</source>
        <translation>年份不详</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Birthday year unknown</source>
        <translation>生日年份不详</translation>
    </message>
</context>
<context>
    <name>BulkEditDialog</name>
    <message>
        <location filename="../../desktop_crm/ui/dialogs/bulk_edit_dialog.py" line="+27"/>
        <source>Bulk edit</source>
        <translation>批量编辑</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Field to change</source>
        <translation>要修改的字段</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Add tag</source>
        <translation>添加标签</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Remove tag</source>
        <translation>移除标签</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Tag name</source>
        <translation>标签名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New value</source>
        <translation>新值</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%n selected customer(s) will change. Undo takes it back.</source>
        <translation>
            <numerusform>所选的 %n 个客户将被修改，可用“撤销”恢复。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Field:</source>
        <translation>字段：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New value:</source>
        <translation>新值：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Bulk edit: %1</source>
        <translation>批量编辑：%1</translation>
    </message>
</context>
<context>
    <name>CommandPalette</name>
    <message>
        <location filename="../../desktop_crm/ui/dialogs/command_palette.py" line="+38"/>
        <source>Go to customer or action</source>
        <translation>转到客户或操作</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Type a customer name, pinyin, phone or an action…</source>
        <translation>输入客户名称、拼音、电话或操作…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Command palette search</source>
        <translation>命令面板搜索</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Matching customers and actions</source>
        <translation>匹配的客户和操作</translation>
    </message>
</context>
<context>
    <name>ContactLogForm</name>
    <message>
        <location filename="../../desktop_crm/ui/widgets/followup_form.py" line="+64"/>
        <source>Date and time of the contact</source>
        <translation>联系的日期和时间</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Now</source>
        <translation>现在</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set the time to now</source>
        <translation>将时间设为现在</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+49"/>
        <location line="+141"/>
        <source>Channel</source>
        <translation>方式</translation>
    </message>
    <message>
        <location line="-185"/>
        <source>Who started the contact</source>
        <translation>由谁发起联系</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+41"/>
        <location line="+141"/>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location line="-179"/>
        <location line="+39"/>
        <location line="+141"/>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <location line="-179"/>
        <source>What was it about?</source>
        <translation>这次联系是关于什么？</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+38"/>
        <location line="+141"/>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="-177"/>
        <source>What was said or done</source>
        <translation>沟通了什么、做了什么</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+36"/>
        <location line="+141"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="-175"/>
        <source>What came of it</source>
        <translation>取得了什么结果</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plan the next follow-up</source>
        <translation>计划下次跟进</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Date of the next follow-up</source>
        <translation>下次跟进日期</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Subject of the next follow-up</source>
        <translation>下次跟进主题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Same subject</source>
        <translation>与本次主题相同</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Log contact</source>
        <translation>记录联系</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Log the contact (Ctrl+Enter)</source>
        <translation>记录本次联系（Ctrl+Enter）</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+141"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="-139"/>
        <location line="+141"/>
        <source>Started by</source>
        <translation>发起方</translation>
    </message>
    <message>
        <location line="-135"/>
        <location line="+140"/>
        <source>Next date</source>
        <translation>下次日期</translation>
    </message>
    <message>
        <location line="-139"/>
        <location line="+140"/>
        <source>Next subject</source>
        <translation>下次主题</translation>
    </message>
    <message>
        <location line="-99"/>
        <source>(no contact person)</source>
        <translation>（无联系人）</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>No relationship level: follow up every %1 days.</source>
        <translation>未设关系等级：每 %1 天跟进一次。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%2: follow up every %1 days.</source>
        <translation>%2：每 %1 天跟进一次。</translation>
    </message>
</context>
<context>
    <name>ContactsEditor</name>
    <message>
        <location filename="../../desktop_crm/ui/widgets/contacts_editor.py" line="+104"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+2"/>
        <source>Add contact person</source>
        <translation>添加联系人</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>Remove contact person</source>
        <translation>删除联系人</translation>
    </message>
</context>
<context>
    <name>CustomerDetailPane</name>
    <message>
        <location filename="../../desktop_crm/ui/customer_detail.py" line="+49"/>
        <source>Customer details</source>
        <translation>客户详情</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>&amp;Relations</source>
        <translation>关联客户(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;History</source>
        <translation>变更历史(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+60"/>
        <source>No customer selected</source>
        <translation>未选择客户</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>Re&amp;vert</source>
        <translation>还原(&amp;V)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Revert changes</source>
        <translation>还原更改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save customer</source>
        <translation>保存客户</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>New customer</source>
        <translation>新客户</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>this customer</source>
        <translation>该客户</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the changes to %1?</source>
        <translation>是否保存对 %1 的更改？</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>In the trash</source>
        <translation>在回收站中</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reload their version and lose your edits, or overwrite the fields you changed with yours?</source>
        <translation>重新载入对方的版本并放弃您的编辑，还是用您的内容覆盖您改过的字段？</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Overwrite with mine</source>
        <translation>用我的覆盖</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reload their version</source>
        <translation>载入对方的版本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep editing</source>
        <translation>继续编辑</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not saved. Please correct: %1</source>
        <translation>未保存，请更正：%1</translation>
    </message>
</context>
<context>
    <name>CustomerForm</name>
    <message>
        <location filename="../../desktop_crm/ui/widgets/customer_form.py" line="+167"/>
        <source>&amp;Identity</source>
        <translation>基本信息(&amp;I)</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+30"/>
        <location line="+103"/>
        <source>Not given</source>
        <translation>未填写</translation>
    </message>
    <message>
        <location line="-104"/>
        <source>%1 employees</source>
        <translation>%1 人</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>C&amp;ontact</source>
        <translation>联系方式(&amp;O)</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+15"/>
        <location line="+32"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="-41"/>
        <source>Add phone</source>
        <translation>添加电话</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Add email</source>
        <translation>添加邮箱</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Service</source>
        <translation>平台</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>IM account</source>
        <translation>即时通讯账号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add WeChat / IM account</source>
        <translation>添加微信 / 即时通讯账号</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Street</source>
        <translation>详细地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Postcode</source>
        <translation>邮编</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add address</source>
        <translation>添加地址</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Contact &amp;persons</source>
        <translation>联系人(&amp;P)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>C&amp;lassification</source>
        <translation>分类(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+128"/>
        <source>Nobody</source>
        <translation>未分配</translation>
    </message>
    <message>
        <location line="-123"/>
        <source>Code of the referring customer</source>
        <translation>推荐客户的编号</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+17"/>
        <source>Set by hand</source>
        <translation>手动设置</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Stage set by hand</source>
        <translation>阶段为手动设置</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not graded</source>
        <translation>未分级</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+5"/>
        <source>Not rated</source>
        <translation>未评级</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Credit rating set by hand</source>
        <translation>信用等级为手动设置</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>C&amp;are</source>
        <translation>客户关怀(&amp;A)</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>(given on save)</source>
        <translation>（保存时生成）</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Contact person %1: %2</source>
        <translation>联系人 %1：%2</translation>
    </message>
</context>
<context>
    <name>CustomerListPane</name>
    <message>
        <location filename="../../desktop_crm/ui/customer_list.py" line="+53"/>
        <source>Search name, pinyin, phone, email, tag…</source>
        <translation>搜索名称、拼音、电话、邮箱、标签…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search customers</source>
        <translation>搜索客户</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved segment</source>
        <translation>已保存的客户分组</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filters</source>
        <translation>筛选</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Follow-up due</source>
        <translation>跟进到期</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Any</source>
        <translation>全部</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> or more</source>
        <translation> 及以上</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>All customers</source>
        <translation>全部客户</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Save segment</source>
        <translation>保存客户分组</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name of this filter:</source>
        <translation>客户分组名称：</translation>
    </message>
</context>
<context>
    <name>DueListsWidget</name>
    <message>
        <location filename="../../desktop_crm/ui/widgets/due_lists.py" line="+132"/>
        <source>Due view</source>
        <translation>到期视图</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+22"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Due follow-ups</source>
        <translation>到期的跟进</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Showing the first %1 of %2.</source>
        <translation>显示前 %1 条，共 %2 条。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nothing due here.</source>
        <translation>没有到期的跟进。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Overdue (%1)</source>
        <translation>逾期（%1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Today (%1)</source>
        <translation>今天（%1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This week (%1)</source>
        <translation>本周（%1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Upcoming (%1)</source>
        <translation>即将到期（%1）</translation>
    </message>
</context>
<context>
    <name>DueTableModel</name>
    <message>
        <location line="-173"/>
        <source>Due</source>
        <translation>到期时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel</source>
        <translation>方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
</context>
<context>
    <name>FollowUpPane</name>
    <message>
        <location filename="../../desktop_crm/ui/followup_pane.py" line="+82"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+314"/>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <location line="-291"/>
        <source>Follow-up timeline</source>
        <translation>跟进时间线</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Outcome of the follow-up</source>
        <translation>跟进结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome (optional)</source>
        <translation>结果（选填）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark done</source>
        <translation>标记完成</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New date of the follow-up</source>
        <translation>跟进的新日期</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reschedule</source>
        <translation>改期</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+221"/>
        <source>Cancel plan</source>
        <translation>取消计划</translation>
    </message>
    <message>
        <location line="-204"/>
        <source>Log a contact</source>
        <translation>记录联系</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Plan a follow-up</source>
        <translation>计划跟进</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>Select a customer to see their follow-ups.</source>
        <translation>选择客户以查看其跟进记录。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (%2) is in the trash.</source>
        <translation>%1（%2）在回收站中。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>No follow-ups yet.</source>
        <translation>暂无跟进记录。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Overdue since %1</source>
        <translation>自 %1 起逾期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Planned for %1</source>
        <translation>计划于 %1</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Cancel the planned follow-up “%1”? It stays in the history.</source>
        <translation>取消计划中的跟进“%1”？它仍会保留在历史记录中。</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Due (%1 overdue)</source>
        <translation>到期（%1 项逾期）</translation>
    </message>
</context>
<context>
    <name>HistoryTableModel</name>
    <message>
        <location filename="../../desktop_crm/ui/widgets/history_view.py" line="+27"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Old value</source>
        <translation>原值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New value</source>
        <translation>新值</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Created</source>
        <translation>创建</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Moved to the trash</source>
        <translation>移到回收站</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restored from the trash</source>
        <translation>从回收站还原</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merged</source>
        <translation>合并</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Follow-up</source>
        <translation>跟进</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up channel</source>
        <translation>跟进方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up subject</source>
        <translation>跟进主题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up planned for</source>
        <translation>计划跟进时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact made at</source>
        <translation>联系时间</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>Change history</source>
        <translation>变更历史</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../desktop_crm/ui/labels.py" line="+10"/>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phones</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+89"/>
        <source>Email</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <location line="-88"/>
        <source>Emails</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WeChat / IM</source>
        <translation>微信 / 即时通讯</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Addresses</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact persons</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relations</source>
        <translation>关联客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lifecycle stage</source>
        <translation>生命周期阶段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grade</source>
        <translation>客户等级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stars</source>
        <translation>星级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relationship level</source>
        <translation>关系等级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next follow-up</source>
        <translation>下次跟进</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Lunar birthday</source>
        <translation>农历生日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Company size</source>
        <translation>公司规模</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+47"/>
        <source>Website</source>
        <translation>网站</translation>
    </message>
    <message>
        <location line="-46"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+100"/>
        <source>Referred by</source>
        <translation>推荐人</translation>
    </message>
    <message>
        <location line="-99"/>
        <source>Credit rating</source>
        <translation>信用等级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Credit limit</source>
        <translation>信用额度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preferences</source>
        <translation>偏好</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+93"/>
        <source>Family</source>
        <translation>家人</translation>
    </message>
    <message>
        <location line="-92"/>
        <source>Social</source>
        <translation>社交</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exit reason</source>
        <translation>退出原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exit notes</source>
        <translation>退出备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>External ID</source>
        <translation>外部编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stage set by hand</source>
        <translation>阶段为手动设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Credit rating set by hand</source>
        <translation>信用等级为手动设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Birth year known</source>
        <translation>已知出生年份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leap lunar month</source>
        <translation>农历闰月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Street</source>
        <translation>详细地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Postcode</source>
        <translation>邮编</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Individual</source>
        <translation>个人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+22"/>
        <location line="+16"/>
        <location line="+7"/>
        <location line="+7"/>
        <location line="+5"/>
        <location line="+9"/>
        <location line="+9"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location line="-72"/>
        <location line="+4"/>
        <source>Potential</source>
        <translation>潜在客户</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Existing</source>
        <translation>现有客户</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>First purchase</source>
        <translation>首次购买</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeat</source>
        <translation>重复购买</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loyal</source>
        <translation>忠诚客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At risk</source>
        <translation>有流失风险</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lost</source>
        <translation>已流失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exited</source>
        <translation>已退出</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Referral</source>
        <translation>转介绍</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exhibition</source>
        <translation>展会</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Advertising</source>
        <translation>广告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cold call</source>
        <translation>电话陌拜</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Walk-in</source>
        <translation>自行上门</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Basic</source>
        <translation>基本型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Passive</source>
        <translation>被动型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Responsible</source>
        <translation>负责型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proactive</source>
        <translation>能动型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Partnership</source>
        <translation>伙伴型</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Phone call</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visit</source>
        <translation>拜访</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+24"/>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>Meeting</source>
        <translation>会面</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+6"/>
        <location line="+7"/>
        <source>Work</source>
        <translation>工作</translation>
    </message>
    <message>
        <location line="-12"/>
        <location line="+6"/>
        <location line="+7"/>
        <source>Home</source>
        <translation>家庭</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Fax</source>
        <translation>传真</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Billing</source>
        <translation>账单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shipping</source>
        <translation>收货</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>QQ</source>
        <translation>QQ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LINE</source>
        <translation>LINE</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Telegram</source>
        <translation>Telegram</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skype</source>
        <translation>Skype</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Spouse</source>
        <translation>配偶</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Colleague</source>
        <translation>同事</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Friend</source>
        <translation>朋友</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Business partner</source>
        <translation>合作伙伴</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Planned</source>
        <translation>计划中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>We contacted them</source>
        <translation>我方主动联系</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>They contacted us</source>
        <translation>客户主动联系</translation>
    </message>
</context>
<context>
    <name>LunarDateEdit</name>
    <message>
        <location filename="../../desktop_crm/ui/widgets/birthday_edit.py" line="+55"/>
        <source>No month</source>
        <translation>无月份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Month </source>
        <translation>月份 </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lunar birthday month</source>
        <translation>农历生日月份</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No day</source>
        <translation>无日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Day </source>
        <translation>日期 </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lunar birthday day</source>
        <translation>农历生日日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leap month</source>
        <translation>闰月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lunar birthday in a leap month</source>
        <translation>农历生日在闰月</translation>
    </message>
</context>
<context>
    <name>Mailings</name>
    <message>
        <location filename="../../desktop_crm/ui/mailings.py" line="+36"/>
        <source>Address labels</source>
        <translation>地址标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label sheet:</source>
        <translation>标签纸：</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Envelopes</source>
        <translation>信封</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Envelope size:</source>
        <translation>信封尺寸：</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop_crm/ui/main_window.py" line="+50"/>
        <location line="+13"/>
        <source>Desktop CRM</source>
        <translation>Desktop CRM</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Follow-ups</source>
        <translation>跟进</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Relationship level</source>
        <translation>关系等级</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Customer</source>
        <translation>客户(&amp;C)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>F&amp;ollow-up</source>
        <translation>跟进(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location line="+119"/>
        <source>Move to trash</source>
        <translation>移到回收站</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n customer(s) moved to the trash — Undo brings them back</source>
        <translation>
            <numerusform>已将 %n 个客户移到回收站——撤销即可恢复</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Restore</source>
        <translation>还原</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Overdue: %1 · Today: %2</source>
        <translation>逾期：%1 · 今天：%2</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%n customer(s) in the trash</source>
        <translation>
            <numerusform>回收站中有 %n 个客户</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n customer(s)</source>
        <translation>
            <numerusform>%n 个客户</numerusform>
        </translation>
    </message>
    <message>
        <location line="+40"/>
        <source>About Desktop CRM</source>
        <translation>关于 Desktop CRM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Desktop CRM %1 — an offline customer manager.</source>
        <translation>Desktop CRM %1——离线客户管理软件。</translation>
    </message>
</context>
<context>
    <name>PlanForm</name>
    <message>
        <location filename="../../desktop_crm/ui/widgets/followup_form.py" line="+70"/>
        <source>Date of the follow-up</source>
        <translation>跟进日期</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+24"/>
        <location line="+68"/>
        <source>Channel</source>
        <translation>方式</translation>
    </message>
    <message>
        <location line="-87"/>
        <location line="+20"/>
        <location line="+68"/>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location line="-85"/>
        <location line="+18"/>
        <location line="+68"/>
        <source>What to do</source>
        <translation>跟进事项</translation>
    </message>
    <message>
        <location line="-85"/>
        <source>What to do, e.g. call about the offer</source>
        <translation>跟进事项，如：电话沟通报价</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+17"/>
        <location line="+68"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="-79"/>
        <source>Plan follow-up</source>
        <translation>计划跟进</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Plan the follow-up (Ctrl+Enter)</source>
        <translation>计划此次跟进（Ctrl+Enter）</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+68"/>
        <source>Due</source>
        <translation>到期时间</translation>
    </message>
    <message>
        <location line="-41"/>
        <source>(no contact person)</source>
        <translation>（无联系人）</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../desktop_crm/ui/printing.py" line="+62"/>
        <source>Preparing the report…</source>
        <translation>正在准备报表…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Export as PDF</source>
        <translation>导出为 PDF</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Writing the PDF…</source>
        <translation>正在写入 PDF…</translation>
    </message>
</context>
<context>
    <name>RelationsEditor</name>
    <message>
        <location filename="../../desktop_crm/ui/widgets/relations_editor.py" line="+43"/>
        <source>Relation</source>
        <translation>关系</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Customer code, e.g. C000123</source>
        <translation>客户编号，如 C000123</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code of the related customer</source>
        <translation>关联客户的编号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kind of relation</source>
        <translation>关系类型</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>Add relation</source>
        <translation>添加关联</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove relation</source>
        <translation>删除关联</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove the selected relation</source>
        <translation>删除所选关联</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+34"/>
        <source>Relations are saved as soon as you add or remove them.</source>
        <translation>关联客户在添加或删除时立即保存。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the new customer first, then add its relations.</source>
        <translation>请先保存新客户，再添加关联客户。</translation>
    </message>
</context>
<context>
    <name>RelationshipPane</name>
    <message>
        <location filename="../../desktop_crm/ui/relationship_pane.py" line="+91"/>
        <source>This customer</source>
        <translation>当前客户</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Relationship level of the customer</source>
        <translation>客户的关系等级</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+246"/>
        <source>Not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <location line="-239"/>
        <source>Strategy checklist</source>
        <translation>策略清单</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Apply suggestion</source>
        <translation>采用建议</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Suggested:</source>
        <translation>建议：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Strategy</source>
        <translation>策略</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The five levels</source>
        <translation>五个关系等级</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Relationship levels</source>
        <translation>关系等级</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Customers by level</source>
        <translation>各等级客户分布</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Click a level to list its customers</source>
        <translation>点击某一等级，列出该等级的客户</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Select a customer to see their relationship level.</source>
        <translation>选择客户以查看其关系等级。</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+112"/>
        <source>Follow up every %1 days.</source>
        <translation>每 %1 天跟进一次。</translation>
    </message>
    <message>
        <location line="-96"/>
        <source>Set a level to see its strategy.</source>
        <translation>设置等级后即可查看对应策略。</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Working out a suggestion…</source>
        <translation>正在计算建议…</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>%1: %2 customers</source>
        <translation>%1：%2 个客户</translation>
    </message>
</context>
<context>
    <name>ReminderService</name>
    <message>
        <location filename="../../desktop_crm/ui/reminders.py" line="+95"/>
        <source>%1 — %2, due %3</source>
        <translation>%1——%2，%3 到期</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A follow-up is due</source>
        <translation>有跟进到期</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n follow-ups are due: </source>
        <translation>
            <numerusform>%n 项跟进已到期：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source> … and %n more</source>
        <translation>
            <numerusform> …另有 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-ups are due</source>
        <translation>跟进已到期</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop_crm/ui/dialogs/settings_dialog.py" line="+32"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Colour theme</source>
        <translation>颜色主题</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Theme:</source>
        <translation>主题：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new language applies the next time Desktop CRM starts.</source>
        <translation>新的语言将在下次启动 Desktop CRM 时生效。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Company name on reports</source>
        <translation>报表上的公司名称</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Return address on envelopes</source>
        <translation>信封上的寄件地址</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Logo picture file</source>
        <translation>标志图片文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Company name:</source>
        <translation>公司名称：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logo:</source>
        <translation>标志：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Logo</source>
        <translation>标志</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pictures (*.png *.jpg *.svg)</source>
        <translation>图片 (*.png *.jpg *.svg)</translation>
    </message>
</context>
<context>
    <name>TagEditor</name>
    <message>
        <location filename="../../desktop_crm/ui/widgets/tag_editor.py" line="+18"/>
        <source>Tags, separated by commas</source>
        <translation>标签，用逗号分隔</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <location filename="../../desktop_crm/ui/tasks.py" line="+150"/>
        <location line="+4"/>
        <source>Desktop CRM</source>
        <translation>Desktop CRM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Something went wrong and was not saved: %1. Details are in the log file.</source>
        <translation>出错了，未能保存：%1。详细信息已写入日志文件。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
</TS>
