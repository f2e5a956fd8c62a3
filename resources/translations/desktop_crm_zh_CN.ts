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
        <location line="+2"/>
        <source>&amp;Merge Selected…</source>
        <translation>合并所选客户(&amp;M)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Unmerge…</source>
        <translation>取消合并(&amp;U)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E&amp;xport Personal Data…</source>
        <translation>导出个人数据(&amp;X)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Erase Personal &amp;Data…</source>
        <translation>删除个人数据(&amp;D)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Find &amp;Duplicates…</source>
        <translation>查找重复客户(&amp;D)…</translation>
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
        <location line="+2"/>
        <source>&amp;Dashboard</source>
        <translation>数据看板(&amp;D)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re&amp;tention</source>
        <translation>客户挽留(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;are</source>
        <translation>客户关怀(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark as &amp;Lost/Exited…</source>
        <translation>标记为流失/退出(&amp;L)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;compute Stages and Grades</source>
        <translation>重新计算阶段和客户等级(&amp;C)</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <source>Back&amp;ups…</source>
        <translation>备份列表(&amp;U)…</translation>
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
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expor&amp;t…</source>
        <translation>导出(&amp;T)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import &amp;History…</source>
        <translation>导入历史(&amp;H)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add Sa&amp;mple Customers…</source>
        <translation>添加示例客户(&amp;M)…</translation>
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
        <source>Print Le&amp;tters…</source>
        <translation>打印信函(&amp;T)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Page Set&amp;up…</source>
        <translation>页面设置(&amp;U)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print Follow-up &amp;Plan…</source>
        <translation>打印跟进计划(&amp;P)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Work Offline…</source>
        <translation>离线工作(&amp;W)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;ync Now</source>
        <translation>立即同步(&amp;Y)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync C&amp;onflicts…</source>
        <translation>同步冲突(&amp;O)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write Sync &amp;File…</source>
        <translation>写出同步文件(&amp;F)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Apply Office Reply…</source>
        <translation>应用办公室回复(&amp;A)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Apply a Replica&apos;s Sync File…</source>
        <translation>应用副本的同步文件(&amp;A)…</translation>
    </message>
    <message>
        <location line="+2"/>
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
    <name>AnalysisTables</name>
    <message>
        <location filename="../../desktop_crm/ui/widgets/dashboard_tables.py" line="+262"/>
        <source>Double-click a customer to open it</source>
        <translation>双击客户即可打开</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Industry (top 10)</source>
        <translation>行业（前 10 位）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Company size</source>
        <translation>公司规模</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Region (top 10)</source>
        <translation>地区（前 10 位）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Credit rating</source>
        <translation>信用等级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relationship level</source>
        <translation>关系等级</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>How long and how steadily customers buy, up to the end of the period: %1 buyers, of whom %2 bought more than once.</source>
        <translation>截至统计期末，客户购买的时长和稳定性：共 %1 个购买客户，其中 %2 多次购买。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Under 1 year</source>
        <translation>不满 1 年</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1–2 years</source>
        <translation>1–2 年</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>2–3 years</source>
        <translation>2–3 年</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>3 years or more</source>
        <translation>3 年及以上</translation>
    </message>
    <message>
        <location line="-85"/>
        <location line="+92"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Tenure</source>
        <translation>合作时长</translation>
    </message>
    <message>
        <location line="-148"/>
        <location line="+176"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="-276"/>
        <location line="+18"/>
        <location line="+16"/>
        <location line="+90"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="-123"/>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+35"/>
        <location line="+19"/>
        <location line="+45"/>
        <location line="+26"/>
        <source>Revenue</source>
        <translation>销售额</translation>
    </message>
    <message>
        <location line="-124"/>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+53"/>
        <source>Margin</source>
        <translation>毛利</translation>
    </message>
    <message>
        <location line="-52"/>
        <location line="+53"/>
        <source>Margin %</source>
        <translation>毛利率</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>Share of revenue</source>
        <translation>收入占比</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Profile</source>
        <translation>客户概况</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who the customers are: all current customers.</source>
        <translation>客户构成：全部现有客户。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Dimension</source>
        <translation>维度</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+53"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Persistency</source>
        <translation>客户持续性</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Grouped by</source>
        <translation>分组依据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Average tenure (days)</source>
        <translation>平均合作时长（天）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Average purchases</source>
        <translation>平均购买次数</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Profitability</source>
        <translation>盈利能力</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Revenue and margin per grade in the period; margin counts orders whose cost is known.</source>
        <translation>期间内各客户等级的收入和毛利；毛利只计算已知成本的订单。</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+96"/>
        <source>Grade</source>
        <translation>客户等级</translation>
    </message>
    <message>
        <location line="-92"/>
        <location line="+88"/>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="-87"/>
        <location line="+88"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="-78"/>
        <source>Performance</source>
        <translation>销售业绩</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sales in the period by product category, channel and region.</source>
        <translation>期间内按产品类别、渠道和地区的销售额。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>By</source>
        <translation>分类</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Prospecting</source>
        <translation>客户开发</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customers added per month, by type, and how many of them have bought since.</source>
        <translation>每月新增客户（按类型），以及其中之后已购买的人数。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+19"/>
        <source>Individuals</source>
        <translation>个人</translation>
    </message>
    <message>
        <location line="-18"/>
        <location line="+19"/>
        <source>Enterprises</source>
        <translation>企业</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Total</source>
        <translation>总额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bought since</source>
        <translation>之后已购买</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+39"/>
        <source>Conversion</source>
        <translation>转化率</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>Product mix</source>
        <translation>产品组合</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revenue in the period per product category, by customer type and grade.</source>
        <translation>期间内各产品类别的收入，按客户类型和等级划分。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Not graded</source>
        <translation>未分级</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Promotion</source>
        <translation>推广效果</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Per source: customers added in the period, how many bought, their revenue and time to first purchase.</source>
        <translation>按来源：期间内新增的客户、其中购买的人数、收入以及到首次购买的天数。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Buyers</source>
        <translation>购买客户</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Revenue per customer</source>
        <translation>客均收入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days to first purchase</source>
        <translation>到首次购买天数</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>At risk</source>
        <translation>有流失风险</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Last purchase</source>
        <translation>最近购买</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days since</source>
        <translation>距上次购买天数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reasons</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+128"/>
        <source>Channel</source>
        <translation>方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>%1 customers are at risk of leaving; the %2 most urgent are listed.</source>
        <translation>%1 个客户有流失风险，下面列出最紧急的 %2 个。</translation>
    </message>
</context>
<context>
    <name>AppProcess</name>
    <message>
        <location filename="../../desktop_crm/ui/app_process.py" line="+39"/>
        <source>Cancel</source>
        <translation>取消</translation>
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
        <location line="+20"/>
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
    <message>
        <location filename="../../desktop_crm/ui/backups.py" line="+78"/>
        <source>Backed up automatically to %1</source>
        <translation>已自动备份到 %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The automatic backup failed: %1</source>
        <translation>自动备份失败：%1</translation>
    </message>
</context>
<context>
    <name>BackupSettingsPage</name>
    <message>
        <location filename="../../desktop_crm/ui/dialogs/backup_settings_page.py" line="+39"/>
        <source>Automatic backups</source>
        <translation>自动备份</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Daily backups kept</source>
        <translation>保留的每日备份数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weekly backups kept</source>
        <translation>保留的每周备份数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Monthly backups kept</source>
        <translation>保留的每月备份数</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+48"/>
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>The backups folder in the user data folder</source>
        <translation>用户数据文件夹中的备份文件夹</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A folder on a USB stick or a synced folder keeps the backups away from this computer.</source>
        <translation>选择 U 盘或同步文件夹中的文件夹，可在本机之外另存一份备份。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Daily:</source>
        <translation>每日：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weekly:</source>
        <translation>每周：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Monthly:</source>
        <translation>每月：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Backups are taken daily while Desktop CRM runs and when it closes. The newest backup is always kept.</source>
        <translation>Desktop CRM 运行时每天备份一次，关闭时再备份一次。最新的一份备份始终保留。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Keep:</source>
        <translation>保留：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>The backup settings cannot be saved: %1</source>
        <translation>无法保存备份设置：%1</translation>
    </message>
</context>
<context>
    <name>BackupTableModel</name>
    <message>
        <location filename="../../desktop_crm/ui/dialogs/backups_dialog.py" line="+86"/>
        <source>Taken</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>This file cannot be read as a Desktop CRM database.</source>
        <translation>无法将此文件读取为 Desktop CRM 数据库。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>unreadable</source>
        <translation>无法读取</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <location line="+14"/>
        <location line="+15"/>
        <source>Backups</source>
        <translation>备份列表</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Restore…</source>
        <translation>恢复(&amp;R)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open Read-Only</source>
        <translation>只读打开(&amp;O)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show in &amp;Folder</source>
        <translation>在文件夹中显示(&amp;F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Back Up Now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Reading the backups…</source>
        <translation>正在读取备份…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Backups of %1 in %2</source>
        <translation>%1 的备份，位于 %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Kept: the newest of each of the last %1 days, %2 weeks and %3 months (change it in Settings).</source>
        <translation>保留规则：最近 %1 天、%2 周、%3 个月中每天（周、月）最新的一份备份（可在“设置”中修改）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No backups yet.</source>
        <translation>还没有备份。</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Open Read-Only</source>
        <translation>只读打开</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A second Desktop CRM window could not be started.</source>
        <translation>无法启动第二个 Desktop CRM 窗口。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Backed up to %1</source>
        <translation>已备份到 %1</translation>
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
    <name>CareTableModel</name>
    <message>
        <location filename="../../desktop_crm/ui/widgets/care_table.py" line="+98"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Occasion</source>
        <translation>关怀事项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>(lunar %1/%2)</source>
        <translation>（农历%1月%2日）</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n 周年</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>turns %n</source>
        <translation>
            <numerusform>满 %n 岁</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>tomorrow</source>
        <translation>明天</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>in %n day(s)</source>
        <translation>
            <numerusform>%n 天后</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>All</source>
        <translation>全体客户</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>✓ Sent</source>
        <translation>✓ 已发送</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n sent</source>
        <translation>
            <numerusform>已发给 %n 个客户</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CareView</name>
    <message>
        <location filename="../../desktop_crm/ui/care_view.py" line="+67"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days ahead</source>
        <translation>未来天数</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+54"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Upcoming occasions</source>
        <translation>近期关怀事项</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>&amp;Next</source>
        <translation>未来(&amp;N)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Greeting</source>
        <translation>祝福语</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Greeting text</source>
        <translation>祝福语内容</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Email…</source>
        <translation>发邮件(&amp;E)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Log as Sent</source>
        <translation>记为已发送(&amp;L)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Template</source>
        <translation>模板(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Subject</source>
        <translation>主题(&amp;S)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Sent &amp;via</source>
        <translation>发送方式(&amp;V)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Looking for occasions…</source>
        <translation>正在查找关怀事项…</translation>
    </message>
    <message numerus="yes">
        <location line="+24"/>
        <source>%n occasion(s) for customers</source>
        <translation>
            <numerusform>%n 项客户关怀事项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n festival(s)</source>
        <translation>
            <numerusform>%n 个节日</numerusform>
        </translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Choose an occasion above.</source>
        <translation>请在上方选择一项关怀事项。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>To: %1</source>
        <translation>发送给：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Select a customer in the customer list to address this greeting.</source>
        <translation>请在客户列表中选择要发送此祝福的客户。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Season&apos;s greetings</source>
        <translation>节日问候</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Season&apos;s greetings: %1</source>
        <translation>节日问候：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Thank you for your loyalty</source>
        <translation>感谢您一直以来的支持</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Happy birthday!</source>
        <translation>生日快乐！</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Write to %1</source>
        <translation>发邮件给 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No email address for this customer</source>
        <translation>该客户没有电子邮件地址</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Greeting copied to the clipboard.</source>
        <translation>祝福语已复制到剪贴板。</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Greeting logged as a follow-up.</source>
        <translation>祝福已记录为一条跟进。</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <location filename="../../desktop_crm/ui/widgets/dashboard_charts.py" line="+77"/>
        <source>Save as &amp;PNG…</source>
        <translation>另存为 PNG 图片(&amp;P)…</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+1"/>
        <source>Save as PNG…</source>
        <translation>另存为 PNG 图片…</translation>
    </message>
    <message>
        <location line="+28"/>
        <location line="+12"/>
        <source>Save Chart as PNG</source>
        <translation>将图表另存为 PNG 图片</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The chart could not be written to %1. Is the folder writable?</source>
        <translation>无法将图表写入 %1。请检查该文件夹是否可写。</translation>
    </message>
</context>
<context>
    <name>CheckPage</name>
    <message>
        <location filename="../../desktop_crm/ui/dialogs/import_check_page.py" line="+40"/>
        <source>Check the rows</source>
        <translation>检查数据行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every row is checked as it would be imported; nothing is written yet.</source>
        <translation>按实际导入的方式逐行检查，此时尚未写入任何数据。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Rows with problems:</source>
        <translation>有问题的行(&amp;R)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rows matching &amp;existing customers:</source>
        <translation>与现有客户匹配的行(&amp;E)：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Rows matching an existing customer</source>
        <translation>与现有客户匹配的行</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Skip them</source>
        <translation>跳过这些行(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Merge into the existing customer</source>
        <translation>合并到现有客户(&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create &amp;new customers anyway</source>
        <translation>仍然新建客户(&amp;N)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>When some rows are bad</source>
        <translation>部分行有错误时</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import the &amp;good rows</source>
        <translation>导入正确的行(&amp;G)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import &amp;nothing while any row is bad</source>
        <translation>只要有错误行就不导入(&amp;N)</translation>
    </message>
    <message numerus="yes">
        <location line="+43"/>
        <source>Checking %n row(s)…</source>
        <translation>
            <numerusform>正在检查 %n 行…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+43"/>
        <source>%1 row(s) read: %2 new, %3 update existing customers, %4 unchanged, %5 match existing customers, %6 bad.</source>
        <translation>共读取 %1 行：新建 %2 行，更新现有客户 %3 行，无变化 %4 行，与现有客户匹配 %5 行，错误 %6 行。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Not imported</source>
        <translation>不导入</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Imported without this value</source>
        <translation>导入，但不含此值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imported, kept as typed</source>
        <translation>已导入，按原样保留</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+4"/>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Result</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Name in the file</source>
        <translation>文件中的名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Existing</source>
        <translation>现有客户</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why</source>
        <translation>匹配依据</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The file cannot be imported: %1</source>
        <translation>无法导入该文件：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+23"/>
        <source>Nothing will be imported while %n row(s) are bad: correct them in the file and choose it again, or import the good rows.</source>
        <translation>
            <numerusform>有 %n 行错误，因此不会导入任何数据：请在文件中更正后重新选择该文件，或只导入正确的行。</numerusform>
        </translation>
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
    <name>ComplaintDialog</name>
    <message>
        <location filename="../../desktop_crm/ui/dialogs/complaint_dialog.py" line="+22"/>
        <source>New Complaint</source>
        <translation>新建投诉</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>What went wrong, in the customer&apos;s words</source>
        <translation>出了什么问题（按客户的原话记录）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Received</source>
        <translation>收到时间(&amp;R)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Severity</source>
        <translation>严重程度(&amp;S)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Category</source>
        <translation>类别(&amp;C)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Description</source>
        <translation>描述(&amp;D)</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>To be answered within %n hour(s)</source>
        <translation>
            <numerusform>须在 %n 小时内响应</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ComplaintTableModel</name>
    <message>
        <location filename="../../desktop_crm/ui/widgets/service_tab.py" line="+104"/>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Overdue: nobody has taken it up by the deadline.</source>
        <translation>已逾期：截止时间前无人受理。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Resolution: %1</source>
        <translation>处理结果：%1</translation>
    </message>
</context>
<context>
    <name>ConflictTexts</name>
    <message>
        <location filename="../../desktop_crm/ui/conflict_texts.py" line="+23"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+31"/>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WeChat / IM account</source>
        <translation>微信 / 即时通讯账号</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+29"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tag of the customer</source>
        <translation>客户的标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relation</source>
        <translation>关联客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up</source>
        <translation>跟进</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shipment</source>
        <translation>发货</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment</source>
        <translation>付款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Survey</source>
        <translation>满意度调查</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>History entry</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change by an import</source>
        <translation>导入所做的修改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relationship step</source>
        <translation>关系维护步骤</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>In the trash</source>
        <translation>在回收站中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel</source>
        <translation>方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Planned for</source>
        <translation>计划时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Made at</source>
        <translation>联系时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who started it</source>
        <translation>发起方</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Number</source>
        <translation>号码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Label</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Primary</source>
        <translation>首选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service</source>
        <translation>平台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order date</source>
        <translation>下单日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment due</source>
        <translation>付款期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shipped on</source>
        <translation>发货日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Carrier</source>
        <translation>承运商</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tracking number</source>
        <translation>运单号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid on</source>
        <translation>付款日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment method</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reference</source>
        <translation>付款凭证号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opened at</source>
        <translation>投诉时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Respond by</source>
        <translation>响应期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolved at</source>
        <translation>解决时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolution</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Surveyed on</source>
        <translation>调查日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Would recommend (0–10)</source>
        <translation>推荐意愿（0–10）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comments</source>
        <translation>意见</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 “%2”</source>
        <translation>%1“%2”</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Not in the trash</source>
        <translation>不在回收站中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In the trash since %1</source>
        <translation>%1 起在回收站中</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+4"/>
        <source>Changed</source>
        <translation>已修改</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deleted or no longer yours</source>
        <translation>已删除，或已不归您</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your change, not sent</source>
        <translation>您的修改，未发送</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refused</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Changed here and at the office. Keep Mine sends your value with the next sync; Take Theirs takes the office&apos;s value here.</source>
        <translation>本机和办公室都修改了此项。“保留我的”会在下次同步时发送您的值；“采用对方的”会在本机采用办公室的值。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>You deleted this here while it was changed at the office. Keep Mine deletes it at the office too with the next sync; Take Theirs keeps the office&apos;s version.</source>
        <translation>您在本机删除了此项，而办公室修改了它。“保留我的”会在下次同步时也在办公室删除它；“采用对方的”会保留办公室的版本。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>You changed this here while it was deleted at the office, or it is no longer yours to see. Keep Mine sends it back to the office with the next sync; Take Theirs deletes it here too.</source>
        <translation>您在本机修改了此项，而办公室已将其删除，或您已无权查看它。“保留我的”会在下次同步时把它送回办公室；“采用对方的”会在本机也删除它。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The office refused this change: %1. Keep Mine keeps it here and tries again with the next sync; Take Theirs puts back the office&apos;s version.</source>
        <translation>办公室拒绝了此修改：%1。“保留我的”会把它留在本机，下次同步时再试；“采用对方的”会恢复办公室的版本。</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <location filename="../../desktop_crm/ui/live_updates.py" line="+129"/>
        <source>&amp;Retry Now</source>
        <translation>立即重试(&amp;R)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The office database cannot be reached: %1. Unsaved edits stay in the form; Desktop CRM keeps trying and will show the latest data when it is back.</source>
        <translation>无法连接办公室数据库：%1。未保存的修改仍保留在表单中；Desktop CRM 会持续重试，连接恢复后将显示最新数据。</translation>
    </message>
</context>
<context>
    <name>ContactLogForm</name>
    <message>
        <location filename="../../desktop_crm/ui/widgets/followup_form.py" line="+95"/>
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
        <location line="+126"/>
        <source>Channel</source>
        <translation>方式</translation>
    </message>
    <message>
        <location line="-170"/>
        <source>Who started the contact</source>
        <translation>由谁发起联系</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+41"/>
        <location line="+126"/>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location line="-164"/>
        <location line="+39"/>
        <location line="+126"/>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <location line="-164"/>
        <source>What was it about?</source>
        <translation>这次联系是关于什么？</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+38"/>
        <location line="+126"/>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="-162"/>
        <source>What was said or done</source>
        <translation>沟通了什么、做了什么</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+36"/>
        <location line="+126"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="-160"/>
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
        <location line="+126"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="-124"/>
        <location line="+126"/>
        <source>Started by</source>
        <translation>发起方</translation>
    </message>
    <message>
        <location line="-120"/>
        <location line="+125"/>
        <source>Next date</source>
        <translation>下次日期</translation>
    </message>
    <message>
        <location line="-124"/>
        <location line="+125"/>
        <source>Next subject</source>
        <translation>下次主题</translation>
    </message>
    <message>
        <location line="-93"/>
        <source>(no contact person)</source>
        <translation>（无联系人）</translation>
    </message>
    <message>
        <location line="+42"/>
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
    <name>CreditSummary</name>
    <message>
        <location filename="../../desktop_crm/ui/widgets/credit_summary.py" line="+85"/>
        <source>Set by hand</source>
        <translation>手动设置</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Credit rating set by hand</source>
        <translation>信用等级为手动设置</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set the rating by hand, or let the payment rules decide</source>
        <translation>手动设置信用等级，或按回款规则自动评定</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>By payment rules</source>
        <translation>按回款规则</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set by hand: %1</source>
        <translation>手动设置：%1</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+10"/>
        <source>Receivable: %1</source>
        <translation>应收款：%1</translation>
    </message>
    <message>
        <location line="-6"/>
        <location line="+14"/>
        <source>Not rated</source>
        <translation>未评级</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No credit limit</source>
        <translation>无信用额度</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Credit limit: %1</source>
        <translation>信用额度：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The balance is over the credit limit</source>
        <translation>欠款余额已超过信用额度</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No order is due yet, so the payment rules give no rating.</source>
        <translation>尚无到期订单，回款规则无法评定信用等级。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 orders due: %2 paid late, %3 still owed.</source>
        <translation>到期订单 %1 笔：逾期付款 %2 笔，仍欠款 %3 笔。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>no rating</source>
        <translation>无评级</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set by hand. The payment rules would give %1: %2</source>
        <translation>手动设置。按回款规则应为 %1：%2</translation>
    </message>
</context>
<context>
    <name>CustomerDetailPane</name>
    <message>
        <location filename="../../desktop_crm/ui/customer_detail.py" line="+52"/>
        <source>Customer details</source>
        <translation>客户详情</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Or&amp;ders</source>
        <translation>订单(&amp;D)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ser&amp;vice</source>
        <translation>服务(&amp;V)</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <location line="+70"/>
        <source>No customer selected</source>
        <translation>未选择客户</translation>
    </message>
    <message>
        <location line="-62"/>
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
        <location line="+77"/>
        <source>New customer</source>
        <translation>新客户</translation>
    </message>
    <message>
        <location line="+50"/>
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
        <location line="+53"/>
        <source>In the trash</source>
        <translation>在回收站中</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Save the new customer first</source>
        <translation>请先保存新客户</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 changed %2 at %3</source>
        <translation>%1 于 %3 修改了 %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 was changed since you opened it:</source>
        <translation>%1 在您打开后已被修改：</translation>
    </message>
    <message>
        <location line="+6"/>
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
        <location filename="../../desktop_crm/ui/widgets/customer_form.py" line="+90"/>
        <source>&amp;Identity</source>
        <translation>基本信息(&amp;I)</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+30"/>
        <location line="+104"/>
        <source>Not given</source>
        <translation>未填写</translation>
    </message>
    <message>
        <location line="-105"/>
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
        <location line="+16"/>
        <location line="+32"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>Add phone</source>
        <translation>添加电话</translation>
    </message>
    <message>
        <location line="+16"/>
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
        <location line="+86"/>
        <source>Nobody</source>
        <translation>未分配</translation>
    </message>
    <message>
        <location line="-81"/>
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
        <location line="+38"/>
        <source>(given on save)</source>
        <translation>（保存时生成）</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Contact person %1: %2</source>
        <translation>联系人 %1：%2</translation>
    </message>
</context>
<context>
    <name>CustomerListPane</name>
    <message>
        <location filename="../../desktop_crm/ui/customer_list.py" line="+68"/>
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
        <location line="+62"/>
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
    <name>Dashboard</name>
    <message>
        <location filename="../../desktop_crm/ui/dashboard.py" line="+75"/>
        <source>Dashboard — Desktop CRM</source>
        <translation>数据看板 — Desktop CRM</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Owner:</source>
        <translation>负责人(&amp;O)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Period</source>
        <translation>统计期间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 3 months</source>
        <translation>最近 3 个月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 12 months</source>
        <translation>最近 12 个月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last year</source>
        <translation>去年</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custom…</source>
        <translation>自定义…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Period:</source>
        <translation>统计期间(&amp;P)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>From</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location line="+37"/>
        <location line="+156"/>
        <location line="+3"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="-158"/>
        <source>New in period</source>
        <translation>期间新增</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revenue in period</source>
        <translation>期间销售额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orders in period</source>
        <translation>期间订单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receivables</source>
        <translation>应收款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue receivables</source>
        <translation>逾期应收款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue complaints</source>
        <translation>逾期投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At risk</source>
        <translation>有流失风险</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Customers by lifecycle stage</source>
        <translation>按生命周期阶段的客户分布</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customers by type</source>
        <translation>按类型的客户分布</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customers by grade</source>
        <translation>按客户等级的客户分布</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customers by relationship level</source>
        <translation>按关系等级的客户分布</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customers by region</source>
        <translation>按地区的客户分布</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customers by source</source>
        <translation>按来源的客户分布</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New customers per month</source>
        <translation>每月新增客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revenue per month</source>
        <translation>每月销售额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-ups per week: done and planned</source>
        <translation>每周跟进：已完成与计划中</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The dashboard could not be computed.</source>
        <translation>无法计算数据看板。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 – %2 · updated %3 (%4 s)</source>
        <translation>%1 – %2 · 更新于 %3（%4 秒）</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Other regions</source>
        <translation>其他地区</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>New customers</source>
        <translation>新增客户</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+6"/>
        <source>Revenue</source>
        <translation>销售额</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Revenue (millions)</source>
        <translation>销售额（百万）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Revenue (thousands)</source>
        <translation>销售额（千）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Planned</source>
        <translation>计划中</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/widgets/dashboard_format.py" line="+28"/>
        <source>Not graded</source>
        <translation>未分级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not set</source>
        <translation>未设置</translation>
    </message>
</context>
<context>
    <name>DerivedDataRecompute</name>
    <message>
        <location filename="../../desktop_crm/ui/recompute.py" line="+69"/>
        <source>Recomputing stages, grades and credit ratings…</source>
        <translation>正在重新计算阶段、客户等级和信用等级…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Recomputed: %1 stage(s), %2 grade(s), %3 credit rating(s) changed.</source>
        <translation>重新计算完成：%1 个阶段、%2 个客户等级、%3 个信用等级有变化。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Stopped before the end.</source>
        <translation>未全部完成即已停止。</translation>
    </message>
</context>
<context>
    <name>DueListsWidget</name>
    <message>
        <location filename="../../desktop_crm/ui/widgets/due_lists.py" line="+131"/>
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
        <location line="+76"/>
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
        <location line="-163"/>
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
    <name>DuplicatePairsModel</name>
    <message>
        <location filename="../../desktop_crm/ui/dialogs/duplicates_dialog.py" line="+45"/>
        <source>Score</source>
        <translation>相似度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Probably the same as</source>
        <translation>可能与之重复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why</source>
        <translation>匹配依据</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <location line="+69"/>
        <source>Find duplicates</source>
        <translation>查找重复客户</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Likely duplicates</source>
        <translation>疑似重复客户</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Merge…</source>
        <translation>合并(&amp;M)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the customer in the main window</source>
        <translation>在主窗口中显示该客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Scan Again</source>
        <translation>重新扫描(&amp;S)</translation>
    </message>
    <message>
        <location line="+33"/>
        <location line="+10"/>
        <source>Looking for likely duplicates…</source>
        <translation>正在查找疑似重复客户…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The scan failed. Scan again to retry.</source>
        <translation>扫描失败，请重新扫描。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The scan was cancelled. Scan again to see pairs.</source>
        <translation>扫描已取消。重新扫描即可查看重复客户。</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%n likely pair(s), most likely first. Double-click a pair to merge it.</source>
        <translation>
            <numerusform>找到 %n 对疑似重复客户，按可能性从高到低排列。双击一对即可合并。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No likely duplicates found.</source>
        <translation>未发现疑似重复客户。</translation>
    </message>
</context>
<context>
    <name>EmptyListHint</name>
    <message>
        <location filename="../../desktop_crm/ui/widgets/empty_list_hint.py" line="+34"/>
        <source>&amp;New Customer</source>
        <translation>新建客户(&amp;N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Import a File…</source>
        <translation>导入文件(&amp;I)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Try with &amp;Sample Data</source>
        <translation>用示例数据试用(&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Clear Search and Filters</source>
        <translation>清除搜索和筛选(&amp;C)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>No customer matches</source>
        <translation>没有匹配的客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing matches the search and filters above.</source>
        <translation>没有客户符合上方的搜索和筛选条件。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The trash is empty</source>
        <translation>回收站是空的</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customers moved to the trash are kept here until restored.</source>
        <translation>移入回收站的客户会保留在这里，直到被还原。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No customers yet</source>
        <translation>还没有客户</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter your first customer, import them from a spreadsheet, a phone&apos;s address book or a mail program, or look around with sample customers.</source>
        <translation>录入第一位客户，从电子表格、手机通讯录或邮件程序导入客户，或者先用示例客户了解一下。</translation>
    </message>
</context>
<context>
    <name>EraseDialog</name>
    <message>
        <location filename="../../desktop_crm/ui/dialogs/erase_dialog.py" line="+22"/>
        <source>Erase Personal Data</source>
        <translation>删除个人数据</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Erase everything held about %1 (%2)?</source>
        <translation>删除 %1（%2）的全部数据？</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Removed everywhere: the profile, contact persons, phones, emails, addresses, accounts, tags, relations, planned follow-ups, notes and the words of follow-ups, complaints and surveys, the values in the change history, merge and import records, the search index, and every mention of the name, phone numbers and email addresses in other records.</source>
        <translation>将从所有地方删除：基本资料、联系人、电话、电子邮件、地址、账号、标签、客户关系、计划的跟进、备注以及跟进、投诉和调查中的文字、修改记录中的数值、合并与导入记录、搜索索引，以及其他记录中提及的姓名、电话号码和电子邮件地址。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Kept, anonymous: the orders with their shipments and payments (so totals and reports stay right), under “Erased customer”, and a record that the erasure took place (when, by whom, the customer code — not the name).</source>
        <translation>匿名保留：订单及其发货和付款（使合计和报表保持正确），归于“已删除的客户”名下；以及一条删除记录（时间、操作人、客户编号——不含姓名）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This cannot be undone. Backups made before still hold the data: delete them too if they must not.</source>
        <translation>此操作无法撤销。之前的备份仍包含这些数据：如有必要，请一并删除。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>To confirm, type the customer&apos;s name or code:</source>
        <translation>请输入客户名称或编号以确认：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Name or code of the customer to erase</source>
        <translation>要删除的客户的名称或编号</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Erase</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>ExitCustomerDialog</name>
    <message>
        <location filename="../../desktop_crm/ui/dialogs/exit_dialog.py" line="+42"/>
        <source>Mark as Lost / Exited</source>
        <translation>标记为流失 / 退出</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>End the relationship with %1. The stage becomes “Exited”.</source>
        <translation>结束与 %1 的客户关系，其阶段将变为“已退出”。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>What happened, in your own words</source>
        <translation>发生了什么（用您自己的话描述）</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Cancel %n open follow-up(s)</source>
        <translation>
            <numerusform>取消 %n 项未完成的跟进</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Notes</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Mark as &amp;Exited</source>
        <translation>标记为已退出(&amp;E)</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>%1 marked as exited.</source>
        <translation>已将 %1 标记为已退出。</translation>
    </message>
</context>
<context>
    <name>ExitReasonModel</name>
    <message>
        <location filename="../../desktop_crm/ui/widgets/retention_tables.py" line="+160"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Share</source>
        <translation>占比</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../desktop_crm/ui/dialogs/export_dialog.py" line="+50"/>
        <source>Export Customers</source>
        <translation>导出客户</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The customers the &amp;list shows now (search and filters)</source>
        <translation>列表当前显示的客户（按搜索和筛选）(&amp;L)</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>The &amp;selected customers (%n)</source>
        <translation>
            <numerusform>所选客户（%n 个）(&amp;S)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Every customer</source>
        <translation>全部客户(&amp;E)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>CSV, UTF-8 with BOM (Excel opens it)</source>
        <translation>CSV，带 BOM 的 UTF-8（可用 Excel 打开）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel workbook (.xlsx)</source>
        <translation>Excel 工作簿 (.xlsx)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>vCard 3.0 for phones and address books (.vcf)</source>
        <translation>vCard 3.0，用于手机和通讯录 (.vcf)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Planned follow-ups as a calendar (.ics)</source>
        <translation>计划中的跟进，导出为日历 (.ics)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Format:</source>
        <translation>格式(&amp;F)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>F&amp;ile:</source>
        <translation>文件(&amp;I)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export:</source>
        <translation>导出范围：</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Export to</source>
        <translation>导出到</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CSV files (*.csv);;Excel workbooks (*.xlsx);;vCard files (*.vcf);;Calendar files (*.ics)</source>
        <translation>CSV 文件 (*.csv);;Excel 工作簿 (*.xlsx);;vCard 文件 (*.vcf);;日历文件 (*.ics)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Exporting to %1…</source>
        <translation>正在导出到 %1…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Export cancelled; no file was written.</source>
        <translation>导出已取消，未写入任何文件。</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Exported %n planned follow-up(s) to %1</source>
        <translation>已将 %n 项计划中的跟进导出到 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Exported %n customer(s) to %1</source>
        <translation>已将 %n 个客户导出到 %1</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../../desktop_crm/ui/dialogs/import_wizard.py" line="+105"/>
        <source>Choose the file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CSV (also Google Contacts and Outlook exports), Excel .xlsx or vCard .vcf. Nothing is imported until the last step.</source>
        <translation>支持 CSV（包括 Google 通讯录和 Outlook 导出的文件）、Excel .xlsx 或 vCard .vcf。到最后一步才会真正导入。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Path of the file to import</source>
        <translation>要导入的文件路径</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Sheet:</source>
        <translation>工作表(&amp;S)：</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;File:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Import customers from</source>
        <translation>从以下文件导入客户</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Customer files (*.csv *.txt *.tsv *.xlsx *.vcf *.vcard);;CSV files (*.csv *.txt *.tsv);;Excel workbooks (*.xlsx);;vCard files (*.vcf *.vcard);;All files (*)</source>
        <translation>客户文件 (*.csv *.txt *.tsv *.xlsx *.vcf *.vcard);;CSV 文件 (*.csv *.txt *.tsv);;Excel 工作簿 (*.xlsx);;vCard 文件 (*.vcf *.vcard);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>This file cannot be imported: %1</source>
        <translation>无法导入此文件：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>vCard file (%1), %n contact(s).</source>
        <translation>
            <numerusform>vCard 文件（%1），%n 个联系人。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Excel workbook, sheet “%1”, %n row(s).</source>
        <translation>
            <numerusform>Excel 工作簿，工作表“%1”，%n 行。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>comma-separated</source>
        <translation>逗号分隔</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>semicolon-separated</source>
        <translation>分号分隔</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tab-separated</source>
        <translation>制表符分隔</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>CSV file (%1, %2), %n row(s).</source>
        <translation>
            <numerusform>CSV 文件（%1，%2），%n 行。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>It is a Google Contacts export.</source>
        <translation>这是 Google 通讯录导出的文件。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It is an Outlook export.</source>
        <translation>这是 Outlook 导出的文件。</translation>
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
        <location line="+316"/>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <location line="-293"/>
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
        <location line="+223"/>
        <source>Cancel plan</source>
        <translation>取消计划</translation>
    </message>
    <message>
        <location line="-206"/>
        <source>Log a contact</source>
        <translation>记录联系</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Plan a follow-up</source>
        <translation>计划跟进</translation>
    </message>
    <message>
        <location line="+93"/>
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
        <location filename="../../desktop_crm/ui/widgets/history_view.py" line="+28"/>
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
        <location line="+1"/>
        <source>Unmerged</source>
        <translation>取消合并</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Erased</source>
        <translation>已删除个人数据</translation>
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
        <location line="+69"/>
        <source>%1 (from %2)</source>
        <translation>%1（来自 %2）</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Change history</source>
        <translation>变更历史</translation>
    </message>
</context>
<context>
    <name>ImportHistoryDialog</name>
    <message>
        <location filename="../../desktop_crm/ui/dialogs/import_history_dialog.py" line="+40"/>
        <source>Import History</source>
        <translation>导入历史</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Undo Import…</source>
        <translation>撤销导入(&amp;U)…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Imports, newest first:</source>
        <translation>导入记录（最新的在前）(&amp;I)：</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Updated</source>
        <translation>已更新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merged</source>
        <translation>合并</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Undone %1</source>
        <translation>已于 %1 撤销</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not finished</source>
        <translation>未完成</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n customer(s) from it in the list</source>
        <translation>
            <numerusform>列表中有 %n 个客户来自此次导入</numerusform>
        </translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Undo Import</source>
        <translation>撤销导入</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Undo the import of %1? The %n customer(s) it created are deleted, duplicates it merged are separated again and the fields it changed get their old values.</source>
        <translation>
            <numerusform>撤销 %1 的导入吗？此次导入新建的 %n 个客户将被删除，合并的重复客户将重新拆分，修改过的字段将恢复原值。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>Import undone: %n customer(s) removed</source>
        <translation>
            <numerusform>导入已撤销：移除了 %n 个客户</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Undone. These customers were changed again since the import and keep their newer values:</source>
        <translation>已撤销。以下客户在导入后又被修改过，保留其较新的值：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The import was undone.</source>
        <translation>导入已撤销。</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>This import cannot be undone: %n of its customers were worked on since (listed below). Nothing was changed.</source>
        <translation>
            <numerusform>无法撤销此次导入：其中 %n 个客户在导入后已被处理过（见下方列表）。未做任何更改。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What happened</source>
        <translation>发生了什么</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../desktop_crm/ui/dialogs/import_wizard.py" line="-192"/>
        <source>Import Customers</source>
        <translation>导入客户</translation>
    </message>
</context>
<context>
    <name>InstanceLock</name>
    <message>
        <location filename="../../desktop_crm/ui/instance_lock.py" line="+34"/>
        <source>Already Open</source>
        <translation>已经打开</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The database %1 is already open in another Desktop CRM window (process %2 on %3). Switch to that window, or open the file read-only here to look things up.</source>
        <translation>数据库 %1 已在另一个 Desktop CRM 窗口中打开（%3 上的进程 %2）。请切换到那个窗口，或在此以只读方式打开该文件以便查阅。</translation>
    </message>
</context>
<context>
    <name>LabelSheetDialog</name>
    <message>
        <location filename="../../desktop_crm/ui/dialogs/label_sheet_dialog.py" line="+44"/>
        <source>Address Labels</source>
        <translation>地址标签</translation>
    </message>
    <message>
        <location line="+19"/>
        <source> mm</source>
        <translation> 毫米</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Label &amp;sheet:</source>
        <translation>标签纸(&amp;S)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Top margin:</source>
        <translation>上边距(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Left margin:</source>
        <translation>左边距(&amp;L)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Across, label to label:</source>
        <translation>横向标签间距(&amp;A)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Down, label to label:</source>
        <translation>纵向标签间距(&amp;D)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;kip labels already used:</source>
        <translation>跳过已用标签(&amp;K)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Preview</source>
        <translation>预览(&amp;P)</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../desktop_crm/ui/labels.py" line="+10"/>
        <location line="+155"/>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="-154"/>
        <location line="+150"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="-149"/>
        <location line="+155"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="-154"/>
        <location line="+159"/>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <location line="-158"/>
        <location line="+162"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="-161"/>
        <source>Phones</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+91"/>
        <location line="+75"/>
        <source>Email</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <location line="-165"/>
        <source>Emails</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+167"/>
        <source>WeChat / IM</source>
        <translation>微信 / 即时通讯</translation>
    </message>
    <message>
        <location line="-166"/>
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
        <location line="+182"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="-181"/>
        <source>Relations</source>
        <translation>关联客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+163"/>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <location line="-162"/>
        <location line="+163"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location line="-162"/>
        <location line="+163"/>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <location line="-162"/>
        <location line="+169"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location line="-168"/>
        <location line="+169"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="-168"/>
        <location line="+169"/>
        <source>Lifecycle stage</source>
        <translation>生命周期阶段</translation>
    </message>
    <message>
        <location line="-168"/>
        <location line="+169"/>
        <source>Grade</source>
        <translation>客户等级</translation>
    </message>
    <message>
        <location line="-168"/>
        <location line="+169"/>
        <source>Stars</source>
        <translation>星级</translation>
    </message>
    <message>
        <location line="-168"/>
        <location line="+171"/>
        <source>Relationship level</source>
        <translation>关系等级</translation>
    </message>
    <message>
        <location line="-170"/>
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
        <location line="+133"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location line="-132"/>
        <location line="+133"/>
        <location line="+41"/>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <location line="-173"/>
        <location line="+1"/>
        <location line="+132"/>
        <location line="+41"/>
        <source>Lunar birthday</source>
        <translation>农历生日</translation>
    </message>
    <message>
        <location line="-172"/>
        <location line="+132"/>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <location line="-131"/>
        <location line="+133"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location line="-132"/>
        <location line="+133"/>
        <source>Company size</source>
        <translation>公司规模</translation>
    </message>
    <message>
        <location line="-132"/>
        <location line="+49"/>
        <location line="+84"/>
        <source>Website</source>
        <translation>网站</translation>
    </message>
    <message>
        <location line="-132"/>
        <location line="+150"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="-149"/>
        <location line="+102"/>
        <location line="+48"/>
        <source>Referred by</source>
        <translation>推荐人</translation>
    </message>
    <message>
        <location line="-149"/>
        <location line="+155"/>
        <source>Credit rating</source>
        <translation>信用等级</translation>
    </message>
    <message>
        <location line="-154"/>
        <location line="+155"/>
        <source>Credit limit</source>
        <translation>信用额度</translation>
    </message>
    <message>
        <location line="-154"/>
        <location line="+157"/>
        <source>Preferences</source>
        <translation>偏好</translation>
    </message>
    <message>
        <location line="-156"/>
        <location line="+95"/>
        <location line="+62"/>
        <source>Family</source>
        <translation>家人</translation>
    </message>
    <message>
        <location line="-156"/>
        <location line="+157"/>
        <source>Social</source>
        <translation>社交</translation>
    </message>
    <message>
        <location line="-156"/>
        <location line="+157"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="-156"/>
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
        <location line="+113"/>
        <source>External ID</source>
        <translation>外部编号</translation>
    </message>
    <message>
        <location line="-112"/>
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
        <location line="+130"/>
        <source>Street</source>
        <translation>详细地址</translation>
    </message>
    <message>
        <location line="-129"/>
        <location line="+130"/>
        <source>Postcode</source>
        <translation>邮编</translation>
    </message>
    <message>
        <location line="-129"/>
        <source>Merged customer</source>
        <translation>被合并的客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merged into</source>
        <translation>已合并到</translation>
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
        <location line="+83"/>
        <location line="+14"/>
        <location line="+26"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location line="-195"/>
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
        <location line="+50"/>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location line="-73"/>
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
        <location line="+63"/>
        <source>Fax</source>
        <translation>传真</translation>
    </message>
    <message>
        <location line="-57"/>
        <location line="+147"/>
        <source>Billing</source>
        <translation>账单</translation>
    </message>
    <message>
        <location line="-146"/>
        <source>Shipping</source>
        <translation>收货</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+50"/>
        <source>QQ</source>
        <translation>QQ</translation>
    </message>
    <message>
        <location line="-49"/>
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
        <location line="+84"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="-81"/>
        <source>We contacted them</source>
        <translation>我方主动联系</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>They contacted us</source>
        <translation>客户主动联系</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(do not import)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Family name</source>
        <translation>姓</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Given name</source>
        <translation>名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Middle name</source>
        <translation>中间名</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Mobile phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Work phone</source>
        <translation>工作电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Home phone</source>
        <translation>家庭电话</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Phone type</source>
        <translation>电话类型</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Country</source>
        <translation>国家/地区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address type</source>
        <translation>地址类型</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Contact&apos;s birthday</source>
        <translation>联系人生日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First-purchase anniversary</source>
        <translation>首次购买周年纪念</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Festival</source>
        <translation>节日</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Birthday greeting</source>
        <translation>生日祝福</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Festival greeting</source>
        <translation>节日祝福</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Anniversary greeting</source>
        <translation>周年纪念祝福</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Purchase overdue</source>
        <translation>超期未购买</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unresolved complaints</source>
        <translation>投诉未解决</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Falling satisfaction</source>
        <translation>满意度下降</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Direct sales</source>
        <translation>直销</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Online</source>
        <translation>线上</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Distributor</source>
        <translation>经销商</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone order</source>
        <translation>电话订购</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Bank transfer</source>
        <translation>银行转账</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not yet due</source>
        <translation>未到期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>0–30 days</source>
        <translation>0–30 天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>31–60 days</source>
        <translation>31–60 天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>61–90 days</source>
        <translation>61–90 天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Over 90 days</source>
        <translation>90 天以上</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In progress</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Critical</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Product quality</source>
        <translation>产品质量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delivery</source>
        <translation>物流配送</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service</source>
        <translation>平台</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>An order is unpaid more than 90 days after it fell due.</source>
        <translation>有订单到期后超过 90 天仍未付款。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Half or more of the due orders are still owed over 30 days past due.</source>
        <translation>半数或以上的到期订单逾期超过 30 天仍未付清。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An order is still owed more than 30 days past due.</source>
        <translation>有订单逾期超过 30 天仍未付清。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Over 30% of the due orders were paid late.</source>
        <translation>超过 30% 的到期订单逾期付款。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An order is past due and still owed.</source>
        <translation>有订单已逾期且仍未付清。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Over 10% of the due orders were paid late.</source>
        <translation>超过 10% 的到期订单逾期付款。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fewer than three orders due so far.</source>
        <translation>到期订单尚不足三笔。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A few orders were paid late.</source>
        <translation>有少数订单逾期付款。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every due order was paid on time.</source>
        <translation>所有到期订单均按时付款。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A4 (210 × 297 mm)</source>
        <translation>A4（210 × 297 毫米）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Letter (8½ × 11 in)</source>
        <translation>Letter（8½ × 11 英寸）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Automatic (what suits each report)</source>
        <translation>自动（按报表选择）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Portrait</source>
        <translation>纵向</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Landscape</source>
        <translation>横向</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A4, 3 × 8 labels (70 × 36 mm)</source>
        <translation>A4，3 × 8 张标签（70 × 36 毫米）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Letter, 2 × 7 labels (4 × 1⅓ in)</source>
        <translation>Letter，2 × 7 张标签（4 × 1⅓ 英寸）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Letter, 3 × 10 labels (2⅝ × 1 in)</source>
        <translation>Letter，3 × 10 张标签（2⅝ × 1 英寸）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>DL (110 × 220 mm)</source>
        <translation>DL（110 × 220 毫米）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C5 (162 × 229 mm)</source>
        <translation>C5（162 × 229 毫米）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>US #10 (4⅛ × 9½ in)</source>
        <translation>美国 10 号（4⅛ × 9½ 英寸）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the addressee: contact person or customer</source>
        <translation>收信人：联系人或客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>their title or form of address</source>
        <translation>收信人的职务或称呼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the customer&apos;s company</source>
        <translation>客户的公司</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>their address on one line</source>
        <translation>收信人地址（一行）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the customer code</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>today&apos;s date, written out</source>
        <translation>今天的日期（完整写法）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>our company&apos;s name</source>
        <translation>本公司名称</translation>
    </message>
</context>
<context>
    <name>LetterDialog</name>
    <message>
        <location filename="../../desktop_crm/ui/dialogs/letter_dialog.py" line="+72"/>
        <source>Print Letters</source>
        <translation>打印信函</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Name to save the template as</source>
        <translation>模板保存名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Template:</source>
        <translation>模板(&amp;T)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save Template</source>
        <translation>保存模板(&amp;S)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Delete Template</source>
        <translation>删除模板(&amp;D)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Letter te&amp;xt (a blank line starts a paragraph):</source>
        <translation>信函正文(&amp;X)（空行开始新段落）：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Placeholders (click to insert at the cursor)</source>
        <translation>占位符（点击插入到光标处）</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Print Pre&amp;view…</source>
        <translation>打印预览(&amp;V)…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export as &amp;PDF…</source>
        <translation>导出为 PDF(&amp;P)…</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Cannot print: %1</source>
        <translation>无法打印：%1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Template “%1” loaded.</source>
        <translation>已载入模板“%1”。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Template “%1” saved.</source>
        <translation>已保存模板“%1”。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Template “%1” deleted.</source>
        <translation>已删除模板“%1”。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preview: the letter to %1</source>
        <translation>预览：致 %1 的信函</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>There is no customer to write to.</source>
        <translation>没有可写信的客户。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Letters</source>
        <translation>信函</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Letters written to %1</source>
        <translation>信函已写入 %1</translation>
    </message>
</context>
<context>
    <name>LifecycleDocks</name>
    <message>
        <location filename="../../desktop_crm/ui/lifecycle_docks.py" line="+31"/>
        <source>Retention</source>
        <translation>客户挽留</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Care</source>
        <translation>客户关怀</translation>
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
        <location filename="../../desktop_crm/ui/mailings.py" line="+53"/>
        <source>For the %n selected customer(s).</source>
        <translation>用于选中的 %n 个客户。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No customers are selected: for all %n customer(s) of the current list.</source>
        <translation>未选中客户：用于当前列表中的全部 %n 个客户。</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Envelopes</source>
        <translation>信封</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop_crm/ui/main_window.py" line="+62"/>
        <location line="+17"/>
        <location line="+1"/>
        <source>Desktop CRM</source>
        <translation>Desktop CRM</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Follow-ups</source>
        <translation>跟进</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Relationship level</source>
        <translation>关系等级</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Signed in as %1 on %2</source>
        <translation>已登录：%1（%2）</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Customer</source>
        <translation>客户(&amp;C)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>F&amp;ollow-up</source>
        <translation>跟进(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Counting…</source>
        <translation>正在计数…</translation>
    </message>
    <message>
        <location line="+69"/>
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
        <location line="+48"/>
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
    <name>MappingPage</name>
    <message>
        <location filename="../../desktop_crm/ui/dialogs/import_mapping_page.py" line="+62"/>
        <source>Match the columns</source>
        <translation>匹配列</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose the field each column of the file fills. The preview shows the first rows as they will be imported.</source>
        <translation>为文件的每一列选择对应的字段。预览按导入后的效果显示前几行。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Automatic</source>
        <translation>自动识别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Standard column names</source>
        <translation>标准列名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Google Contacts export</source>
        <translation>Google 通讯录导出文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outlook export</source>
        <translation>Outlook 导出文件</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Column &amp;names:</source>
        <translation>列名(&amp;N)：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Example</source>
        <translation>示例</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Imported as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Preview of the first rows:</source>
        <translation>前几行预览(&amp;P)：</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Using the choices you made last time for these columns.</source>
        <translation>已沿用您上次对这些列的选择。</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Field for column %1</source>
        <translation>第 %1 列对应的字段</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (as the file says)</source>
        <translation>%1（按文件原样）</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Dates in the column “%1” can be read two ways: which comes first?</source>
        <translation>“%1”列中的日期有两种读法：哪个在前？</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Day first: %1</source>
        <translation>日在前(&amp;D)：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Month first: %1</source>
        <translation>月在前(&amp;M)：%1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>not a date</source>
        <translation>不是日期</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Birthday: choose the order of day and month below</source>
        <translation>生日：请在下方选择日和月的先后顺序</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Choose the column that holds the name (or the family and given names, or the company).</source>
        <translation>请选择包含名称的列（或姓和名，或公司）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose how to read the dates above.</source>
        <translation>请选择上面日期的读法。</translation>
    </message>
</context>
<context>
    <name>MergeActions</name>
    <message>
        <location filename="../../desktop_crm/ui/merging.py" line="+95"/>
        <location line="+12"/>
        <source>Unmerge</source>
        <translation>取消合并</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Separate %1 again? It comes back with the records it brought in; fields changed since the merge keep their new values.</source>
        <translation>要将 %1 重新拆分出来吗？它带入的记录会一并恢复；合并后修改过的字段保留新值。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Which merge should be undone?</source>
        <translation>要取消哪一次合并？</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1 is a customer of its own again</source>
        <translation>%1 已重新成为独立客户</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (fields changed since the merge kept their new values)</source>
        <translation>（合并后修改过的字段保留了新值）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 merged into %2 on %3</source>
        <translation>%1 于 %3 合并到 %2</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../desktop_crm/ui/dialogs/merge_dialog.py" line="+67"/>
        <source>Merge customers</source>
        <translation>合并客户</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Choose the customer that stays and, for each field the two fill differently, the value to keep.</source>
        <translation>请选择保留的客户，并为两者不同的每个字段选择要保留的值。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Records</source>
        <translation>记录</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Nothing is lost: all follow-ups, orders, contact persons, phones, emails, tags, relations and history of both customers are kept with the customer that stays. Undo (Ctrl+Z) or Customer → Unmerge separates them again.</source>
        <translation>不会丢失任何数据：两个客户的所有跟进、订单、联系人、电话、电子邮件、标签、关联客户和变更历史都会保留在保留的客户名下。使用撤销（Ctrl+Z）或“客户 → 取消合并”可重新拆分。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The two customers fill no field differently. Choose the customer that stays; empty fields are filled from the other.</source>
        <translation>两个客户的字段没有差异。请选择保留的客户；空白字段将由另一个客户的值补全。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Merge</source>
        <translation>合并(&amp;M)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Stays:</source>
        <translation>保留：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Keep %1 %2</source>
        <translation>保留 %1 %2</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>%1-%2 (year unknown)</source>
        <translation>%1-%2（年份不详）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Lunar month %1, day %2</source>
        <translation>农历%1月%2日</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> (leap month)</source>
        <translation>（闰月）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 employees</source>
        <translation>%1 人</translation>
    </message>
    <message numerus="yes">
        <location line="+26"/>
        <source>%n follow-up(s)</source>
        <translation>
            <numerusform>%n 项跟进</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n order(s)</source>
        <translation>
            <numerusform>%n 笔订单</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n complaint(s)</source>
        <translation>
            <numerusform>%n 条投诉</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n contact person(s)</source>
        <translation>
            <numerusform>%n 位联系人</numerusform>
        </translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Merge %1 into %2</source>
        <translation>将 %1 合并到 %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 merged into %2 — Undo separates them again</source>
        <translation>已将 %1 合并到 %2——撤销即可重新拆分</translation>
    </message>
</context>
<context>
    <name>NewPasswordDialog</name>
    <message>
        <location filename="../../desktop_crm/ui/dialogs/new_password_dialog.py" line="+29"/>
        <source>Protect with a Password</source>
        <translation>设置密码保护</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change the Password</source>
        <translation>更改密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the Password</source>
        <translation>取消密码保护</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The database will be encrypted: nobody can read the file without this password, and Desktop CRM asks for it each time it opens. Keep the password safe: if it is lost, the data cannot be recovered.</source>
        <translation>数据库将被加密：没有此密码，任何人都无法读取该文件；每次打开时 Desktop CRM 都会要求输入密码。请妥善保管密码：一旦遗失，数据将无法恢复。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The database is encrypted again with a key made from the new password; the old password no longer opens it.</source>
        <translation>数据库将用新密码生成的密钥重新加密；旧密码将无法再打开它。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The database will be stored unencrypted: anyone who has the file can read it.</source>
        <translation>数据库将以未加密方式保存：任何拿到该文件的人都能读取其内容。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Current password:</source>
        <translation>当前密码(&amp;C)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;New password:</source>
        <translation>新密码(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Again:</source>
        <translation>再次输入(&amp;A)：</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Enter the current password.</source>
        <translation>请输入当前密码。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The current password is wrong.</source>
        <translation>当前密码不正确。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Enter the new password.</source>
        <translation>请输入新密码。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The two new passwords differ.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
</context>
<context>
    <name>OrderDialog</name>
    <message>
        <location filename="../../desktop_crm/ui/dialogs/order_dialog.py" line="+36"/>
        <source>New Order</source>
        <translation>新建订单</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit Order %1</source>
        <translation>编辑订单 %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Order total, e.g. 1280.00</source>
        <translation>订单总额，如 1280.00</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Optional: what it cost us, for the margin</source>
        <translation>选填：成本，用于计算毛利</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel</source>
        <translation>方式</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set</source>
        <translation>指定</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Without a date the usual payment terms apply</source>
        <translation>不指定日期时按常规付款期限计算</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Date</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Product</source>
        <translation>产品(&amp;P)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cate&amp;gory</source>
        <translation>类别(&amp;G)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quantity</source>
        <translation>数量(&amp;Q)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Amount</source>
        <translation>金额(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;ost</source>
        <translation>成本(&amp;O)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>C&amp;hannel</source>
        <translation>渠道(&amp;H)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Status</source>
        <translation>状态(&amp;S)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Payment d&amp;ue</source>
        <translation>付款到期日(&amp;U)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Payment due date</source>
        <translation>付款到期日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Notes</source>
        <translation>备注(&amp;N)</translation>
    </message>
</context>
<context>
    <name>OrderTableModel</name>
    <message>
        <location filename="../../desktop_crm/ui/widgets/orders_tab.py" line="+96"/>
        <source>Payment due %1</source>
        <translation>付款到期日 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Margin %1</source>
        <translation>毛利 %1</translation>
    </message>
</context>
<context>
    <name>OrdersTab</name>
    <message>
        <location line="-53"/>
        <source>No.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Channel</source>
        <translation>方式</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Total</source>
        <translation>总额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid</source>
        <translation>已付</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outstanding</source>
        <translation>未付</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paid on</source>
        <translation>付款日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Method</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reference</source>
        <translation>凭证号</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shipped on</source>
        <translation>发货日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Carrier</source>
        <translation>承运商</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tracking number</source>
        <translation>运单号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location line="+32"/>
        <location line="+7"/>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;New Order…</source>
        <translation>新建订单(&amp;N)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit Order…</source>
        <translation>编辑订单…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Or press Enter on the order</source>
        <translation>也可在订单上按 Enter 键</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete Order</source>
        <translation>删除订单</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Payments of the selected order</source>
        <translation>所选订单的付款记录</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add Pa&amp;yment…</source>
        <translation>添加付款(&amp;Y)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete Payment</source>
        <translation>删除付款</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Shipments of the selected order</source>
        <translation>所选订单的发货记录</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add Ship&amp;ment…</source>
        <translation>添加发货(&amp;M)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete Shipment</source>
        <translation>删除发货</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>Payments (%1)</source>
        <translation>付款（%1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shipments (%1)</source>
        <translation>发货（%1）</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Delete order %1? Its payments and shipments go with it.</source>
        <translation>删除订单 %1 吗？其付款和发货记录将一并删除。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Delete the payment of %1 received on %2?</source>
        <translation>删除 %2 收到的 %1 付款吗？</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Delete the shipment of %1?</source>
        <translation>删除 %1 的发货记录吗？</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Over the credit limit</source>
        <translation>超出信用额度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the order all the same?</source>
        <translation>仍然保存该订单吗？</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>OverdueComplaintsLabel</name>
    <message>
        <location filename="../../desktop_crm/ui/complaint_count.py" line="+45"/>
        <source>Complaints overdue: %1</source>
        <translation>逾期投诉：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open complaints nobody has taken up by their response deadline</source>
        <translation>超过响应期限仍无人受理的投诉</translation>
    </message>
</context>
<context>
    <name>OwnerCombo</name>
    <message>
        <location filename="../../desktop_crm/ui/widgets/owner_combo.py" line="+26"/>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
</context>
<context>
    <name>PageSetupDialog</name>
    <message>
        <location filename="../../desktop_crm/ui/dialogs/page_setup_dialog.py" line="+84"/>
        <source>Page Setup</source>
        <translation>页面设置</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Paper:</source>
        <translation>纸张(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Orientation:</source>
        <translation>方向(&amp;O)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Used for the client report, the customer list, the follow-up plan and letters. Automatic prints the client report and letters portrait, the follow-up plan landscape, and turns the customer list to landscape when its columns need the width.</source>
        <translation>用于客户报告、客户列表、跟进计划和信函。选择“自动”时，客户报告和信函纵向打印，跟进计划横向打印，客户列表在列较多需要宽度时改为横向。</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../desktop_crm/ui/dialogs/password_dialog.py" line="+33"/>
        <source>Password Required</source>
        <translation>需要密码</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The database %1 is protected with a password. Enter it to open the database.</source>
        <translation>数据库 %1 已设密码保护，请输入密码以打开。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Enter the password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>That password is wrong. Try again.</source>
        <translation>密码不正确，请重试。</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../../desktop_crm/ui/dialogs/payment_dialog.py" line="+22"/>
        <source>Add Payment</source>
        <translation>添加付款</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Order %1 · %2 · still owed %3</source>
        <translation>订单 %1 · %2 · 尚欠 %3</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Method</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bank reference, receipt number …</source>
        <translation>银行流水号、收据号…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Date</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Amount</source>
        <translation>金额(&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Method</source>
        <translation>付款方式(&amp;M)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Reference</source>
        <translation>凭证号(&amp;R)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Notes</source>
        <translation>备注(&amp;N)</translation>
    </message>
</context>
<context>
    <name>PlanForm</name>
    <message>
        <location filename="../../desktop_crm/ui/widgets/followup_form.py" line="+63"/>
        <source>Date of the follow-up</source>
        <translation>跟进日期</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+24"/>
        <location line="+61"/>
        <source>Channel</source>
        <translation>方式</translation>
    </message>
    <message>
        <location line="-80"/>
        <location line="+20"/>
        <location line="+61"/>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location line="-78"/>
        <location line="+18"/>
        <location line="+61"/>
        <source>What to do</source>
        <translation>跟进事项</translation>
    </message>
    <message>
        <location line="-78"/>
        <source>What to do, e.g. call about the offer</source>
        <translation>跟进事项，如：电话沟通报价</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+17"/>
        <location line="+61"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="-72"/>
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
        <location line="+61"/>
        <source>Due</source>
        <translation>到期时间</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>(no contact person)</source>
        <translation>（无联系人）</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../desktop_crm/ui/printing.py" line="+63"/>
        <source>Preparing the report…</source>
        <translation>正在准备报表…</translation>
    </message>
    <message>
        <location line="+41"/>
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
    <name>ReadOnly</name>
    <message>
        <location filename="../../desktop_crm/app.py" line="+96"/>
        <source>Desktop CRM — %1 (read-only)</source>
        <translation>Desktop CRM — %1（只读）</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../../desktop_crm/ui/dialogs/recovery_dialog.py" line="+40"/>
        <source>Database Damaged</source>
        <translation>数据库已损坏</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;The database cannot be opened safely.&lt;/b&gt;</source>
        <translation>&lt;b&gt;无法安全地打开数据库。&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>It was not opened, so nothing in it has been changed.</source>
        <translation>数据库未被打开，其中的内容没有任何改动。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Restore This Backup</source>
        <translation>恢复此备份(&amp;R)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show in &amp;Folder</source>
        <translation>在文件夹中显示(&amp;F)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No good backup of this database was found. Quit, and look for a copy of the file elsewhere (another computer, a USB stick).</source>
        <translation>没有找到此数据库的完好备份。请退出，并在别处（另一台电脑、U 盘）寻找该文件的副本。</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n customer(s)</source>
        <translation>
            <numerusform>%n 位客户</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The newest good backup was taken on %1 (%2). Restoring it puts the damaged file aside, as it is, and opens the backup; what was entered after it is not in it.</source>
        <translation>最新的完好备份创建于 %1（%2）。恢复时会将已损坏的文件原样移到一旁，然后打开该备份；备份之后录入的内容不在其中。</translation>
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
        <location line="+250"/>
        <source>Not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <location line="-243"/>
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
        <location line="+47"/>
        <source>Select a customer to see their relationship level.</source>
        <translation>选择客户以查看其关系等级。</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+114"/>
        <source>Follow up every %1 days.</source>
        <translation>每 %1 天跟进一次。</translation>
    </message>
    <message>
        <location line="-98"/>
        <source>Set a level to see its strategy.</source>
        <translation>设置等级后即可查看对应策略。</translation>
    </message>
    <message>
        <location line="+55"/>
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
        <location filename="../../desktop_crm/ui/reminders.py" line="+101"/>
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
    <name>ReplicaCopy</name>
    <message>
        <location filename="../../desktop_crm/ui/work_offline.py" line="+42"/>
        <source>Work Offline: Save a Replica As</source>
        <translation>离线工作：副本另存为</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Desktop CRM database (*.db *.sqlite3)</source>
        <translation>Desktop CRM 数据库 (*.db *.sqlite3)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Copying your customers…</source>
        <translation>正在复制您的客户…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>the copy stopped</source>
        <translation>复制已中止</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Work Offline</source>
        <translation>离线工作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No replica was made: %1</source>
        <translation>未能生成副本：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Replica Ready</source>
        <translation>副本已就绪</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The replica is ready in %2 (customers: %1). Open it to work without the office network.</source>
        <translation>副本已保存到 %2（客户数：%1）。打开它即可在没有办公室网络时工作。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Open in a New Window</source>
        <translation>在新窗口中打开(&amp;O)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Later</source>
        <translation>稍后(&amp;L)</translation>
    </message>
</context>
<context>
    <name>ResolutionDialog</name>
    <message>
        <location filename="../../desktop_crm/ui/dialogs/resolution_dialog.py" line="+20"/>
        <source>Resolve Complaint</source>
        <translation>解决投诉</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>How it was settled</source>
        <translation>是如何解决的</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Resolution</source>
        <translation>处理结果(&amp;R)</translation>
    </message>
</context>
<context>
    <name>RetentionTableModel</name>
    <message>
        <location filename="../../desktop_crm/ui/widgets/retention_tables.py" line="-99"/>
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
        <source>Why at risk</source>
        <translation>风险原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days since</source>
        <translation>距上次购买天数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Usual interval</source>
        <translation>通常购买间隔</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last purchase</source>
        <translation>最近购买</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next follow-up</source>
        <translation>下次跟进</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grade</source>
        <translation>客户等级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RetentionView</name>
    <message>
        <location filename="../../desktop_crm/ui/retention_view.py" line="+57"/>
        <source>&amp;Plan Follow-up</source>
        <translation>计划跟进(&amp;P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plan a win-back follow-up for the selected customers, due by their cadence</source>
        <translation>为所选客户计划挽回跟进，到期时间按其跟进周期确定</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark as &amp;Exited…</source>
        <translation>标记为已退出(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+75"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location line="-72"/>
        <location line="+74"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="-73"/>
        <source>All reasons</source>
        <translation>全部原因</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Customers at risk</source>
        <translation>有流失风险的客户</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Exits per reason</source>
        <translation>各原因的退出客户数</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>At risk</source>
        <translation>有流失风险</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Exit reasons</source>
        <translation>退出原因</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Looking for customers at risk…</source>
        <translation>正在查找有流失风险的客户…</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>%n customer(s) have left.</source>
        <translation>
            <numerusform>已有 %n 个客户退出。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+31"/>
        <source>%n customer(s) at risk.</source>
        <translation>
            <numerusform>%n 个客户有流失风险。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Follow-up planned for %1 on %2.</source>
        <translation>已为 %1 计划于 %2 跟进。</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n follow-up(s) planned.</source>
        <translation>
            <numerusform>已计划 %n 项跟进。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <location filename="../../desktop_crm/ui/dialogs/import_run_pages.py" line="+32"/>
        <source>Importing</source>
        <translation>正在导入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The import is one step: if you cancel, nothing of it is kept.</source>
        <translation>导入作为一个整体完成：如果取消，不会保留任何已导入的内容。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Cancel Import</source>
        <translation>取消导入(&amp;C)</translation>
    </message>
    <message numerus="yes">
        <location line="+21"/>
        <source>Importing %n row(s)…</source>
        <translation>
            <numerusform>正在导入 %n 行…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Imported %1: %2 new, %3 updated, %4 merged</source>
        <translation>已导入 %1：新建 %2 个，更新 %3 个，合并 %4 个</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The import was cancelled; nothing was imported.</source>
        <translation>导入已取消，未导入任何数据。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The import failed and nothing of it was kept: %1</source>
        <translation>导入失败，未保留任何已导入的内容：%1</translation>
    </message>
</context>
<context>
    <name>SampleData</name>
    <message>
        <location filename="../../desktop_crm/ui/sample_data.py" line="+21"/>
        <source>Add Sample Customers</source>
        <translation>添加示例客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sample customers, with follow-ups, orders, complaints and surveys, are added to this database next to your own. How many?</source>
        <translation>示例客户（含跟进、订单、投诉和满意度调查）会与您自己的客户一起添加到此数据库中。要添加多少个？</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%n sample customer(s) added.</source>
        <translation>已添加 %n 个示例客户。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Adding sample customers…</source>
        <translation>正在添加示例客户…</translation>
    </message>
</context>
<context>
    <name>SecurityPage</name>
    <message>
        <location filename="../../desktop_crm/ui/security_page.py" line="+49"/>
        <source>Protect with a password…</source>
        <translation>设置密码保护…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change password…</source>
        <translation>更改密码…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove password…</source>
        <translation>取消密码保护…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A protected database is encrypted on the disk (SQLCipher, AES-256). Its backups are encrypted with the same password.</source>
        <translation>设密码保护的数据库在磁盘上是加密的（SQLCipher，AES-256）；它的备份也用同一密码加密。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The office database is protected by the server&apos;s sign-in.</source>
        <translation>办公室数据库由服务器的登录保护。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This database is protected with a password and encrypted on the disk.</source>
        <translation>此数据库已设密码保护，并在磁盘上加密。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This database is not protected: anyone who has the file can read it.</source>
        <translation>此数据库未设密码保护：任何拿到该文件的人都能读取其内容。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The database is now protected with a password.</source>
        <translation>数据库已设密码保护。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The database&apos;s password was changed.</source>
        <translation>数据库密码已更改。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The database is no longer protected with a password.</source>
        <translation>数据库已取消密码保护。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Security</source>
        <translation>安全</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Encrypting the database…</source>
        <translation>正在加密数据库…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changing the password…</source>
        <translation>正在更改密码…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decrypting the database…</source>
        <translation>正在解密数据库…</translation>
    </message>
</context>
<context>
    <name>ServiceTab</name>
    <message>
        <location filename="../../desktop_crm/ui/widgets/service_tab.py" line="-61"/>
        <source>Opened</source>
        <translation>收到时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Deadline</source>
        <translation>响应期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>NPS</source>
        <translation>净推荐值</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Comment</source>
        <translation>评价</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Service</source>
        <translation>平台</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;New Complaint…</source>
        <translation>新建投诉(&amp;N)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start &amp;Work</source>
        <translation>开始处理(&amp;W)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mar&amp;k Resolved…</source>
        <translation>标记为已解决(&amp;K)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Close Co&amp;mplaint</source>
        <translation>关闭投诉(&amp;M)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Satisfaction surveys</source>
        <translation>满意度调查</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add S&amp;urvey…</source>
        <translation>添加调查(&amp;U)…</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Complaints: %1 · unresolved %2</source>
        <translation>投诉：%1 · 未解决 %2</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n overdue</source>
        <translation>
            <numerusform>%n 条逾期</numerusform>
        </translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Resolution: %1</source>
        <translation>处理结果：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Overdue: nobody has taken it up by the deadline.</source>
        <translation>已逾期：截止时间前无人受理。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No surveys yet.</source>
        <translation>暂无调查记录。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>One survey: %1. The trend needs more.</source>
        <translation>仅有一次调查：%1。至少需要两次才能看出趋势。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>↘ Falling</source>
        <translation>↘ 下降</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>↗ Rising</source>
        <translation>↗ 上升</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>→ Steady</source>
        <translation>→ 平稳</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 — latest: %2; before: %3</source>
        <translation>%1——最近：%2；之前：%3</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>satisfaction %1</source>
        <translation>满意度 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>NPS %1</source>
        <translation>净推荐值 %1</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop_crm/ui/dialogs/settings_dialog.py" line="+44"/>
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
        <location line="+11"/>
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
        <location line="+8"/>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Security</source>
        <translation>安全</translation>
    </message>
    <message>
        <location line="+7"/>
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
    <name>ShipmentDialog</name>
    <message>
        <location filename="../../desktop_crm/ui/dialogs/shipment_dialog.py" line="+19"/>
        <source>Add Shipment</source>
        <translation>添加发货</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Order %1 · %2 × %3</source>
        <translation>订单 %1 · %2 × %3</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Empty: the whole order</source>
        <translation>留空表示整个订单</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Date</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Carrier</source>
        <translation>承运商(&amp;C)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Tracking number</source>
        <translation>运单号(&amp;T)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Quantity</source>
        <translation>数量(&amp;Q)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Notes</source>
        <translation>备注(&amp;N)</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../desktop_crm/ui/dialogs/sign_in_dialog.py" line="+44"/>
        <source>Sign In to the Office Database</source>
        <translation>登录办公室数据库</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sign in with the user name and password your office gave you.</source>
        <translation>请使用办公室为您分配的用户名和密码登录。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>crm.office.lan or crm.office.lan:5432</source>
        <translation>crm.office.lan 或 crm.office.lan:5432</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Remember the password in the system keyring</source>
        <translation>在系统钥匙串中记住密码(&amp;R)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This computer has no keyring to keep it in.</source>
        <translation>此电脑没有可保存密码的钥匙串。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Server:</source>
        <translation>服务器(&amp;S)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Database:</source>
        <translation>数据库(&amp;D)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sign In</source>
        <translation>登录</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <location filename="../../desktop_crm/ui/dialogs/import_run_pages.py" line="+23"/>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New customers:</source>
        <translation>新建客户：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Existing customers updated:</source>
        <translation>更新的现有客户：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rows with nothing new:</source>
        <translation>无新内容的行：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merged into existing customers:</source>
        <translation>合并到现有客户：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skipped (matching existing customers):</source>
        <translation>已跳过（与现有客户匹配）：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bad rows, not imported:</source>
        <translation>错误行（未导入）：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>You can undo this import as a whole under Tools → Import History.</source>
        <translation>可在“工具 → 导入历史”中整体撤销此次导入。</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>Nothing was imported: %n row(s) were bad (see the check step).</source>
        <translation>
            <numerusform>未导入任何数据：有 %n 行错误（见检查步骤）。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The customers are in the list now.</source>
        <translation>客户已添加到列表中。</translation>
    </message>
</context>
<context>
    <name>SurveyDialog</name>
    <message>
        <location filename="../../desktop_crm/ui/dialogs/survey_dialog.py" line="+17"/>
        <source>Add Survey</source>
        <translation>添加调查</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+4"/>
        <source>Not asked</source>
        <translation>未询问</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>NPS</source>
        <translation>净推荐值</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>How likely is the customer to recommend us? 0 = not at all, 10 = certainly</source>
        <translation>客户向他人推荐我们的可能性有多大？0 = 完全不会，10 = 一定会</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Date</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Satisfaction (1–5)</source>
        <translation>满意度（1–5）(&amp;S)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;NPS (0–10)</source>
        <translation>净推荐值（0–10）(&amp;N)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Comments</source>
        <translation>评价(&amp;C)</translation>
    </message>
</context>
<context>
    <name>SyncConflictBadge</name>
    <message>
        <location filename="../../desktop_crm/ui/widgets/sync_conflict_badge.py" line="+32"/>
        <source>This customer has a sync conflict: something was changed both here and at the office.</source>
        <translation>此客户有同步冲突：有内容在本机和办公室都被修改了。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Show &amp;Conflicts…</source>
        <translation>查看冲突(&amp;C)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show this customer&apos;s sync conflicts</source>
        <translation>查看此客户的同步冲突</translation>
    </message>
</context>
<context>
    <name>SyncConflictsDialog</name>
    <message>
        <location filename="../../desktop_crm/ui/dialogs/sync_conflicts_dialog.py" line="+54"/>
        <source>Sync Conflicts</source>
        <translation>同步冲突</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>These were changed both here and at the office since the last sync. Choose which to keep; the next sync sends your choice to the office.</source>
        <translation>以下内容自上次同步以来在本机和办公室都被修改了。请选择保留哪一方；下次同步时会把您的选择发送到办公室。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>There are no sync conflicts.</source>
        <translation>没有同步冲突。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Keep &amp;Mine</source>
        <translation>保留我的(&amp;M)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Take &amp;Theirs</source>
        <translation>采用对方的(&amp;T)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Use &amp;Another Value…</source>
        <translation>使用其他值(&amp;A)…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value here</source>
        <translation>本机的值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Office&apos;s value</source>
        <translation>办公室的值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changed at the office</source>
        <translation>办公室修改人及时间</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>At the office: %1</source>
        <translation>办公室：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Here: %1</source>
        <translation>本机：%1</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>At the office: %1 (%2)</source>
        <translation>办公室：%1（%2）</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Use Another Value</source>
        <translation>使用其他值</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 of %2:</source>
        <translation>%2 的%1：</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Not used: %1</source>
        <translation>未采用：%1</translation>
    </message>
</context>
<context>
    <name>SyncFiles</name>
    <message>
        <location filename="../../desktop_crm/ui/sync_files.py" line="+125"/>
        <source>Taking the laptop&apos;s changes…</source>
        <translation>正在接收笔记本电脑的修改…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gathering the office&apos;s changes for the laptop…</source>
        <translation>正在为笔记本电脑汇总办公室的修改…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Writing the reply…</source>
        <translation>正在写出回复文件…</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+54"/>
        <source>Write Sync File</source>
        <translation>写出同步文件</translation>
    </message>
    <message>
        <location line="-50"/>
        <source>Write Sync File: Save Your Changes As</source>
        <translation>写出同步文件：将您的修改另存为</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+92"/>
        <source>Desktop CRM sync files (*.crmsync)</source>
        <translation>Desktop CRM 同步文件 (*.crmsync)</translation>
    </message>
    <message>
        <location line="-84"/>
        <source>Writing your changes to %1…</source>
        <translation>正在把您的修改写入 %1…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No sync file was written.</source>
        <translation>未写出同步文件。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Apply Office Reply</source>
        <translation>应用办公室回复</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Apply Office Reply: Open the Office&apos;s Reply</source>
        <translation>应用办公室回复：打开办公室的回复文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+53"/>
        <source>Desktop CRM sync files (*.crmsync);;All files (*)</source>
        <translation>Desktop CRM 同步文件 (*.crmsync);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>The office&apos;s reply was applied.</source>
        <translation>已应用办公室的回复。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Applying the office&apos;s reply…</source>
        <translation>正在应用办公室的回复…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The office&apos;s reply was not applied; nothing here changed.</source>
        <translation>未应用办公室的回复；本机没有任何改动。</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%n change(s) written to %1.</source>
        <translation>
            <numerusform>已将 %n 项修改写入 %1。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Next:
1. Take this file to the office (on a USB stick, for example).
2. There, in Desktop CRM signed in as %1, choose File → Apply a Replica&apos;s Sync File…; it writes a reply file.
3. Bring the reply back and choose File → Apply Office Reply… here.

Until the reply is applied your changes wait here, and the next sync file or Sync Now carries them too.</source>
        <translation>接下来：
1. 把这个文件带到办公室（例如用 U 盘）。
2. 在办公室以 %1 的身份登录 Desktop CRM，选择“文件 → 应用副本的同步文件…”；它会写出一个回复文件。
3. 把回复文件带回来，在本机选择“文件 → 应用办公室回复…”。

在应用回复之前，您的修改保留在本机；下一个同步文件或“立即同步”也会带上它们。</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+55"/>
        <source>Apply a Replica&apos;s Sync File</source>
        <translation>应用副本的同步文件</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>Apply a Replica&apos;s Sync File: Open the Laptop&apos;s Changes</source>
        <translation>应用副本的同步文件：打开笔记本电脑的修改</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The sync file was not applied.</source>
        <translation>未应用该同步文件。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Apply a Replica&apos;s Sync File: Save the Reply for the Laptop As</source>
        <translation>应用副本的同步文件：将给笔记本电脑的回复另存为</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Applying %1 to the office…</source>
        <translation>正在把 %1 应用到办公室…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The sync file was not applied: nothing changed at the office and no reply was written.</source>
        <translation>未应用该同步文件：办公室没有任何改动，也没有写出回复文件。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The laptop&apos;s sync file was applied to the office.</source>
        <translation>笔记本电脑的同步文件已应用到办公室。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The reply is in %1. Take it back to the laptop and choose File → Apply Office Reply… there: it brings the office&apos;s changes, and whatever was changed on both sides waits there as a conflict to settle.</source>
        <translation>回复文件保存在 %1。请把它带回笔记本电脑，在那里选择“文件 → 应用办公室回复…”：它会带回办公室的修改；两边都改过的内容会作为冲突留在那里，等待处理。</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Taken: %1 · Refused: %2</source>
        <translation>已接受：%1 · 已拒绝：%2</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>The office refused %n change(s); they stay on the laptop, unsent:</source>
        <translation>
            <numerusform>办公室拒绝了 %n 项修改；它们保留在笔记本电脑上，未发送：</numerusform>
        </translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Cancelled: nothing changed at the office and no reply was written.</source>
        <translation>已取消：办公室没有任何改动，也没有写出回复文件。</translation>
    </message>
</context>
<context>
    <name>SyncRun</name>
    <message>
        <location filename="../../desktop_crm/ui/sync_now.py" line="+57"/>
        <source>Sync with the Office</source>
        <translation>与办公室同步</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Syncing with the office…</source>
        <translation>正在与办公室同步…</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+31"/>
        <location line="+12"/>
        <location line="+9"/>
        <source>Sync Now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location line="-50"/>
        <source>Sending your changes to the office…</source>
        <translation>正在把您的修改发送到办公室…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receiving the office&apos;s changes…</source>
        <translation>正在接收办公室的修改…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finishing the sync…</source>
        <translation>正在完成同步…</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The sync was cancelled. Nothing was lost: your changes wait here and go to the office with the next sync.</source>
        <translation>同步已取消。没有丢失任何内容：您的修改保留在本机，下次同步时发送到办公室。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the sync stopped unexpectedly</source>
        <translation>同步意外中止</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The sync did not finish: %1

Nothing was lost: your changes wait here for the next sync.</source>
        <translation>同步未完成：%1

没有丢失任何内容：您的修改保留在本机，等待下次同步。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Synced with the office.</source>
        <translation>已与办公室同步。</translation>
    </message>
</context>
<context>
    <name>SyncStatusLabel</name>
    <message>
        <location filename="../../desktop_crm/ui/sync_status.py" line="+43"/>
        <source>This is a replica of %1.</source>
        <translation>这是 %1 的副本。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Never synced</source>
        <translation>从未同步</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last synced %1</source>
        <translation>上次同步 %1</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n 项修改待发送</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n 个冲突</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncSummary</name>
    <message>
        <location filename="../../desktop_crm/ui/sync_now.py" line="+11"/>
        <source>Sent: %1 · Received: %2 · Deleted here: %3</source>
        <translation>已发送：%1 · 已接收：%2 · 本机已删除：%3</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%n conflict(s) wait for your choice: the same thing was changed here and at the office.</source>
        <translation>
            <numerusform>%n 个冲突等待您选择：同一内容在本机和办公室都被修改了。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>The office refused %n change(s); they stay here, unsent:</source>
        <translation>
            <numerusform>办公室拒绝了 %n 项修改；它们保留在本机，未发送：</numerusform>
        </translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Show &amp;Conflicts…</source>
        <translation>查看冲突(&amp;C)…</translation>
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
        <location filename="../../desktop_crm/ui/tasks.py" line="+202"/>
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
        <location line="+17"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>UnverifiedPhones</name>
    <message>
        <location filename="../../desktop_crm/ui/widgets/unverified_phones.py" line="+67"/>
        <source>Unverified phone number</source>
        <translation>未验证的电话号码</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep as typed, marked unverified?</source>
        <translation>按原样保留并标记为未验证吗？</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Unverified: this number is not valid for its region; kept as typed.</source>
        <translation>未验证：此号码不符合其地区的号码规则，已按原样保留。</translation>
    </message>
</context>
</TS>
