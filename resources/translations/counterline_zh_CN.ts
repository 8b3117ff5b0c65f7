<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Accessibility</name>
    <message>
        <location filename="../../ui/common/accessibility.py" line="+41" />
        <source>%1 (over maximum)</source>
        <translation>%1（超过上限）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 (over target)</source>
        <translation>%1（超过目标）</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Keyboard shortcut: %1</source>
        <translation>快捷键：%1</translation>
    </message>
</context>
<context>
    <name>AlertsPanel</name>
    <message>
        <location filename="../../ui/supervisor/alerts.py" line="+40" />
        <source>%1: %2 waiting past the target; longest %3 for %4 min</source>
        <translation>%1：%2 人超过目标等候时间；最久 %3 已等 %4 分钟</translation>
    </message>
    <message>
        <location line="+9" />
        <source>%1: %2 waiting, %3 counter(s) open, %4 paused</source>
        <translation>%1：%2 人等候，%3 个窗口开放，%4 个暂停</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location line="+6" />
        <source>No alerts: the queue is within its targets</source>
        <translation>无警报：排队情况在目标范围内</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Alerts</source>
        <translation>警报</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Alerts that hold now, critical first</source>
        <translation>当前有效的警报，严重的在前</translation>
    </message>
<message>
        <source>unbounded (no counter left for it)</source>
        <translation>无上限（没有窗口办理该业务）</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>Lunch cover, %1: %2 is on break until %4; the expected wait is %5</source>
        <translation>午间顶岗，%1：%2 休息至 %4，预计等候 %5</translation>
    </message>
    <message>
        <source>Lunch cover, %1: %2 is on break until %4; too few counters are open for it</source>
        <translation>午间顶岗，%1：%2 休息至 %4，开放的窗口不足</translation>
    </message>
    <message>
        <source>Lunch cover, %1: if %2 goes on break at %3, the expected wait rises to %5</source>
        <translation>午间顶岗，%1：如果 %2 在 %3 休息，预计等候将升至 %5</translation>
    </message>
    <message>
        <source>Lunch cover, %1: if %2 goes on break at %3, too few counters stay open for it</source>
        <translation>午间顶岗，%1：如果 %2 在 %3 休息，开放的窗口将不足</translation>
    </message>
    <message numerus="yes">
        <source>(target %1 min; %n counter(s) open for it during the break, minimum %2).</source>
        <translation>
            <numerusform>（目标 %1 分钟；休息期间有 %n 个窗口办理，最少 %2 个）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Keep %n counter(s) open for %1 until %2.</source>
        <translation>
            <numerusform>%2 前保持 %n 个窗口办理%1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Or move the break of %1 to %2.</source>
        <translation>或将 %1 的休息调整到 %2。</translation>
    </message>
    <message>
        <source>%1 idle for %2 min while %3 of its customers wait</source>
        <comment>a counter</comment>
        <translation>%1已空闲 %2 分钟，仍有 %3 位该窗口客户等候</translation>
    </message>
    <message>
        <source>%1 paused (%2) for %3 min, limit %4 min</source>
        <comment>a counter</comment>
        <translation>%1暂停（%2）已 %3 分钟，上限 %4 分钟</translation>
    </message>
    <message>
        <source>Open %1 for %2 %3–%4.</source>
        <comment>a counter</comment>
        <translation>%3–%4 开放%1办理%2。</translation>
    </message>
</context>
<context>
    <name>Appointments</name>
    <message>
        <location filename="../../ui/supervisor/appointments.py" line="+42" />
        <source>Booked</source>
        <comment>appointment status</comment>
        <translation>已预约</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Arrived</source>
        <comment>appointment status</comment>
        <translation>已到达</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cancelled</source>
        <comment>appointment status</comment>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="+3" />
        <source>No-show</source>
        <comment>appointment status: the customer did not come</comment>
        <translation>未到</translation>
    </message>
</context>
<context>
    <name>AppointmentsModel</name>
    <message>
        <location line="+15" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Customer number</source>
        <translation>客户号</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Service</source>
        <translation>业务</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>AppointmentsPanel</name>
    <message>
        <location line="+81" />
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Book…</source>
        <translation>预约…</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+80" />
        <source>Cancel appointment</source>
        <translation>取消预约</translation>
    </message>
    <message>
        <location line="-79" />
        <source>Mark no-shows</source>
        <translation>标记未到</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Not done: %1</source>
        <translation>未完成：%1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Not done: the store could not be reached. Please try again.</source>
        <translation>未完成：无法连接数据库，请重试。</translation>
    </message>
    <message numerus="yes">
        <location line="+23" />
        <source>%n appointment(s) still expected this day</source>
        <translation>
            <numerusform>当天还有 %n 个预约待到</numerusform>
        </translation>
    </message>
    <message>
        <location line="+31" />
        <source>Booked %1 at %2.</source>
        <translation>已为 %1 预约 %2。</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Cancel the appointment of %1 at %2?</source>
        <translation>取消 %1 在 %2 的预约？</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Cancelled the appointment of %1 at %2.</source>
        <translation>已取消 %1 在 %2 的预约。</translation>
    </message>
    <message numerus="yes">
        <location line="+11" />
        <source>%n appointment(s) marked as no-show</source>
        <translation>
            <numerusform>%n 个预约已标记为未到</numerusform>
        </translation>
    </message>
<message>
        <source>No appointments on this day</source>
        <translation>当天没有预约</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <location filename="../../ui/supervisor/audit_panel.py" line="+34" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Station</source>
        <translation>工作站</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Detail</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>AuditPanel</name>
    <message>
        <location line="+52" />
        <source>Staff id</source>
        <translation>员工编号</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Customer number</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Action, e.g. profile_view</source>
        <translation>操作，如 profile_view</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Previous</source>
        <translation>上一页</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Next</source>
        <translation>下一页</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location line="+31" />
        <source>Page %1 of %2, %3 entries</source>
        <translation>第 %1 / %2 页，共 %3 条</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Export the audit log</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <location line="+9" />
        <source>%1 entries written to %2</source>
        <translation>已将 %1 条记录写入 %2</translation>
    </message>
<message>
        <source>No audit entries match this search</source>
        <translation>没有符合此搜索条件的审计记录</translation>
    </message>
</context>
<context>
    <name>BookDialog</name>
    <message>
        <location filename="../../ui/supervisor/appointment_dialog.py" line="+77" />
        <source>Book an appointment</source>
        <translation>预约办理</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Bank card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Phone number</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Customer number</source>
        <translation>客户号</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No customer chosen yet</source>
        <translation>尚未选择客户</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Service</source>
        <translation>业务</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Book</source>
        <translation>预约</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Looking up…</source>
        <translation>正在查找…</translation>
    </message>
    <message>
        <location line="+10" />
        <source>No customer has this number.</source>
        <translation>没有客户使用此号码。</translation>
    </message>
    <message>
        <location line="+8" />
        <source>No customer found: %1</source>
        <translation>未找到客户：%1</translation>
    </message>
</context>
<context>
    <name>CallChosenDialog</name>
    <message>
        <location filename="../../ui/station/dialogs.py" line="+137" />
        <source>Call out of order</source>
        <translation>不按顺序叫号</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Call</source>
        <translation>叫号</translation>
    </message>
    <message>
        <location line="+10" />
        <source>e.g. appointment arrived, customer needs a ground-floor counter</source>
        <translation>例如：预约客户已到、客户需要一楼窗口</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Reason (required)</source>
        <translation>原因（必填）</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Nobody is waiting.</source>
        <translation>没有客户在等候。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Calling out of order needs a reason.</source>
        <translation>不按顺序叫号需要填写原因。</translation>
    </message>
<message>
        <location line="+1" />
        <source>Ticket</source>
        <translation>号码</translation>
    </message>
    </context>
<context>
    <name>CategoryTable</name>
    <message>
        <location filename="../../ui/supervisor/queue.py" line="+62" />
        <source>Service</source>
        <translation>业务</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Waiting</source>
        <translation>等候</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Longest wait</source>
        <translation>最长等候</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Over target</source>
        <translation>超出目标</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Waiting by service</source>
        <translation>各业务等候情况</translation>
    </message>
    <message>
        <location line="+0" />
        <source>One row per service: waiting, longest wait, target</source>
        <translation>每项业务一行：等候人数、最长等候、目标</translation>
    </message>
    <message>
        <location line="+16" />
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
</context>
<context>
    <name>Common</name>
    <message>
        <location filename="../../ui/common/strings.py" line="+20" />
        <source>Regular</source>
        <comment>priority class</comment>
        <translation>普通</translation>
    </message>
    <message>
        <location line="+1" />
        <source>VIP</source>
        <comment>priority class</comment>
        <translation>贵宾</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Elderly / disabled / pregnant</source>
        <comment>priority class</comment>
        <translation>长者 / 残障人士 / 孕妇</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Appointment</source>
        <comment>priority class</comment>
        <translation>预约</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Waiting</source>
        <comment>ticket status</comment>
        <translation>等候中</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Called</source>
        <comment>ticket status</comment>
        <translation>已叫号</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Serving</source>
        <comment>ticket status</comment>
        <translation>办理中</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Parked</source>
        <comment>ticket status: set aside, customer comes back later</comment>
        <translation>暂挂</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Done</source>
        <comment>ticket status</comment>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No-show</source>
        <comment>ticket status: customer did not come when called</comment>
        <translation>过号</translation>
    </message>
    <message>
        <source>Expired</source>
        <comment>ticket status: not served, its business day ended while it waited</comment>
        <translation>已过期</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Open</source>
        <comment>counter state</comment>
        <translation>营业中</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Paused</source>
        <comment>counter state</comment>
        <translation>暂停服务</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Closed</source>
        <comment>counter state</comment>
        <translation>已关闭</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Lunch</source>
        <comment>pause reason</comment>
        <translation>午休</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Break</source>
        <comment>pause reason: a short rest</comment>
        <translation>休息</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Back office</source>
        <comment>pause reason: paperwork away from customers</comment>
        <translation>后台事务</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Other</source>
        <comment>pause reason</comment>
        <translation>其他</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Online</source>
        <comment>connection to the branch server</comment>
        <translation>在线</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Offline</source>
        <comment>connection to the branch server</comment>
        <translation>离线</translation>
    </message>
    <message>
        <location line="+1" />
        <source>This service category does not exist.</source>
        <comment>error</comment>
        <translation>该业务类型不存在。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>This counter does not exist.</source>
        <comment>error</comment>
        <translation>该窗口不存在。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>This ticket was not found.</source>
        <comment>error</comment>
        <translation>未找到该号码。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No customer is waiting for this counter.</source>
        <comment>error</comment>
        <translation>本窗口当前没有等候的客户。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The ticket or counter is not in a state that allows this action.</source>
        <comment>error</comment>
        <translation>号码或窗口的当前状态不允许此操作。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The counter is closed, paused or still serving another customer.</source>
        <comment>error</comment>
        <translation>窗口已关闭、暂停服务或仍在为其他客户办理业务。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>This action is not allowed.</source>
        <comment>error</comment>
        <translation>不允许此操作。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Someone marked this resolved already; the list shows it at its next refresh.</source>
        <comment>error</comment>
        <translation>已有人将此标记为已处理，列表会在下次刷新时显示。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Someone else moved this ticket meanwhile: look where it is now before you move it.</source>
        <comment>error</comment>
        <translation>其他人刚刚改派了这个号码：请先查看它现在的位置，再决定是否改派。</translation>
    </message>
    <message numerus="yes">
        <location line="+50" />
        <source>%n event(s) waiting to sync</source>
        <comment>offline journal not yet sent upstream</comment>
        <translation>
            <numerusform>%n 条记录待同步</numerusform>
        </translation>
    </message>
    <message>
        <location line="-49" />
        <source>This text cannot be saved: it is empty, too long, or holds characters that are not allowed.</source>
        <comment>error</comment>
        <translation>此内容无法保存：内容为空、过长或含有不允许的字符。</translation>
    </message>
<message>
        <source>This break cannot be set: choose an active teller, a day from today up to 60 days ahead, and a length of 5 to 180 minutes.</source>
        <comment>error</comment>
        <translation>无法安排此休息：请选择在岗柜员、今天起 60 天内的日期，以及 5 到 180 分钟的时长。</translation>
    </message>
    <message>
        <source>Someone else moved or cancelled this break meanwhile: look at the day's plan as it is now.</source>
        <comment>error</comment>
        <translation>其他人刚刚调整或取消了这次休息：请查看当天现在的休息安排。</translation>
    </message>
    <message>
        <source>Nobody may approve or reject their own visits; another supervisor has to.</source>
        <comment>error</comment>
        <translation>任何人不得审核自己办理的业务，须由另一位主管审核。</translation>
    </message>
    <message>
        <source>This is not a phone number: type its digits, and + with the country code for a number from abroad.</source>
        <comment>error</comment>
        <translation>这不是电话号码：请输入号码的数字；境外号码请输入 + 和国家代码。</translation>
    </message>
    <message>
        <source>counter %1</source>
        <comment>a numbered counter in a sentence</comment>
        <translation>%1 号窗口</translation>
    </message>
    <message>
        <source>Counter %1</source>
        <comment>a numbered counter on its own</comment>
        <translation>%1 号窗口</translation>
    </message>
    <message>
        <source>Counter set up</source>
        <comment>event type</comment>
        <translation>窗口已设置</translation>
    </message>
    <message>
        <source>Counter opened</source>
        <comment>event type</comment>
        <translation>窗口开启</translation>
    </message>
    <message>
        <source>Counter closed</source>
        <comment>event type</comment>
        <translation>窗口关闭</translation>
    </message>
    <message>
        <source>Counter paused</source>
        <comment>event type</comment>
        <translation>窗口暂停</translation>
    </message>
    <message>
        <source>Counter resumed</source>
        <comment>event type</comment>
        <translation>窗口恢复</translation>
    </message>
    <message>
        <source>Signed in at the counter</source>
        <comment>event type</comment>
        <translation>在窗口登录</translation>
    </message>
    <message>
        <source>Signed out at the counter</source>
        <comment>event type</comment>
        <translation>在窗口退出登录</translation>
    </message>
    <message>
        <source>Counter released by a supervisor</source>
        <comment>event type</comment>
        <translation>主管释放窗口</translation>
    </message>
    <message>
        <source>Ticket issued</source>
        <comment>event type</comment>
        <translation>发放号码</translation>
    </message>
    <message>
        <source>Ticket called</source>
        <comment>event type</comment>
        <translation>叫号</translation>
    </message>
    <message>
        <source>Ticket recalled</source>
        <comment>event type</comment>
        <translation>重呼号码</translation>
    </message>
    <message>
        <source>Marked no-show</source>
        <comment>event type</comment>
        <translation>过号</translation>
    </message>
    <message>
        <source>Service started</source>
        <comment>event type</comment>
        <translation>开始办理</translation>
    </message>
    <message>
        <source>Service finished</source>
        <comment>event type</comment>
        <translation>办结</translation>
    </message>
    <message>
        <source>Ticket transferred</source>
        <comment>event type</comment>
        <translation>号码转办</translation>
    </message>
    <message>
        <source>Ticket parked</source>
        <comment>event type</comment>
        <translation>号码暂挂</translation>
    </message>
    <message>
        <source>Parked ticket returned</source>
        <comment>event type</comment>
        <translation>取回暂挂号码</translation>
    </message>
    <message>
        <source>Customer identified</source>
        <comment>event type</comment>
        <translation>已识别客户</translation>
    </message>
    <message>
        <source>Ticket expired</source>
        <comment>event type</comment>
        <translation>号码已过期</translation>
    </message>
    <message>
        <source>Visit rated</source>
        <comment>event type</comment>
        <translation>服务记录已评价</translation>
    </message>
    <message>
        <source>Visit quality recorded</source>
        <comment>event type</comment>
        <translation>已记录服务质量</translation>
    </message>
    <message>
        <source>Visit corrected</source>
        <comment>event type</comment>
        <translation>服务记录已更正</translation>
    </message>
    <message>
        <source>Short visit reviewed</source>
        <comment>event type</comment>
        <translation>短时服务记录已审核</translation>
    </message>
    <message>
        <source>Break scheduled</source>
        <comment>event type</comment>
        <translation>已安排休息</translation>
    </message>
    <message>
        <source>Break cancelled</source>
        <comment>event type</comment>
        <translation>已取消休息</translation>
    </message>
    <message>
        <source>Voided: never saved on the branch server</source>
        <comment>event type</comment>
        <translation>已作废：未保存到网点服务器</translation>
    </message>
    <message>
        <source>Conflict marked resolved</source>
        <comment>event type</comment>
        <translation>冲突已标记为解决</translation>
    </message>
    <message>
        <source>Completed</source>
        <comment>visit outcome</comment>
        <translation>已办结</translation>
    </message>
    <message>
        <source>Incomplete</source>
        <comment>visit outcome</comment>
        <translation>未办结</translation>
    </message>
    <message>
        <source>Referred</source>
        <comment>visit outcome</comment>
        <translation>已转介</translation>
    </message>
</context>
<context>
    <name>ConflictsModel</name>
    <message>
        <location line="+0" />
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Stations</source>
        <translation>工作站</translation>
    </message>
    <message>
        <location line="+0" />
        <source>What clashed</source>
        <translation>冲突内容</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Facts</source>
        <translation>记录</translation>
    </message>
<message>
        <location filename="../../ui/supervisor/sync.py" line="+23" />
        <source>Ticket, counter or break</source>
        <translation>号码、窗口或休息</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/sync.py" line="+23" />
        <source>Ticket</source>
        <translation>号码</translation>
    </message>
    </context>
<context>
    <name>CounterCard</name>
    <message>
        <location line="+6" />
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Teller: %1</source>
        <translation>柜员：%1</translation>
    </message>
    <message>
        <location line="+0" />
        <source>No teller signed in</source>
        <translation>无柜员登录</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Open</source>
        <translation>开放</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Profile…</source>
        <translation>业务配置…</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Opens or closes this counter</source>
        <translation>开启或关闭此窗口</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Which services this counter takes, and in which order</source>
        <translation>此窗口办理哪些业务及其先后顺序</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Called %1 ago</source>
        <translation>已叫号 %1</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Serving %1 of standard %2</source>
        <translation>办理中 %1 / 标准 %2</translation>
    </message>
    <message>
        <source>Serving %1</source>
        <translation>办理中 %1</translation>
    </message>
</context>
<context>
    <name>CounterPanel</name>
    <message>
        <location filename="../../ui/station/counter_panel.py" line="+113" />
        <source>Waited</source>
        <translation>已等候</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Recalls</source>
        <translation>重呼次数</translation>
    </message>
    <message>
        <location line="+7" />
        <source>COUNTER %1</source>
        <translation>%1 号窗口</translation>
    </message>
    <message>
        <location line="+18" />
        <source>No customer at the counter</source>
        <translation>窗口暂无客户</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Resume with F8 to call customers.</source>
        <translation>按 F8 恢复服务后即可叫号。</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Press F1 to call.</source>
        <translation>按 F1 叫号。</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Serving since %1</source>
        <translation>%1 开始办理</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Called at %1, waiting for the customer</source>
        <translation>%1 已叫号，等候客户到窗口</translation>
    </message>
<message>
        <location line="+10" />
        <source>Service time (standard %1)</source>
        <translation>办理时长（标准 %1）</translation>
    </message>
<message>
        <location line="+1" />
        <source>Service time</source>
        <translation>办理时长</translation>
    </message>
    </context>
<context>
    <name>CounterRelease</name>
    <message>
        <location filename="../../ui/station/release.py" line="+29" />
        <source>You are still signed in at another counter. Sign out there, or ask a supervisor to release it.</source>
        <translation>您仍在另一个窗口签到。请在那里签退，或请主管释放该窗口。</translation>
    </message>
    <message>
        <source>%1 (%2) still holds %3: signed in at %4 and never signed out. A supervisor can release it.</source>
        <translation>%1（%2）仍占用%3：%4 签到后未签退。主管可以释放该窗口。</translation>
    </message>
</context>
<context>
    <name>DayChartsPanel</name>
    <message>
        <location filename="../../ui/supervisor/charts.py" line="+30" />
        <source>Customers waiting over the day</source>
        <translation>全天等候人数</translation>
    </message>
    <message>
        <location line="+0" />
        <source>waiting</source>
        <translation>等候人数</translation>
    </message>
    <message>
        <location line="+0" />
        <location line="+2" />
        <source>time of day</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="-1" />
        <source>Waits of today's customers</source>
        <translation>今日客户等候时间</translation>
    </message>
    <message>
        <location line="+0" />
        <location line="+1" />
        <source>customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <location line="-1" />
        <source>minutes waited</source>
        <translation>等候分钟数</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Arrivals and served per 15 minutes</source>
        <translation>每 15 分钟到达与办结人数</translation>
    </message>
    <message>
        <location line="+0" />
        <source>minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <location line="+7" />
        <source>shortest target %1 min</source>
        <translation>最短目标 %1 分钟</translation>
    </message>
    <message>
        <location line="+2" />
        <source>arrived</source>
        <translation>到达</translation>
    </message>
    <message>
        <location line="+0" />
        <source>served</source>
        <translation>办结</translation>
    </message>
    <message>
        <location line="+4" />
        <source>mean</source>
        <translation>平均</translation>
    </message>
    <message>
        <location line="+0" />
        <source>standard</source>
        <translation>标准</translation>
    </message>
<message>
        <location line="+1" />
        <source>Mean service time per teller</source>
        <translation>各柜员平均办理时长</translation>
    </message>
    <message>
        <source>No customers yet today</source>
        <translation>今天还没有客户</translation>
    </message>
    <message>
        <source>No visit finished yet today</source>
        <translation>今天还没有办结的服务</translation>
    </message>
    <message>
        <source>called</source>
        <translation>已叫号</translation>
    </message>
    <message>
        <source>still waiting, so far</source>
        <translation>仍在等候（至今）</translation>
    </message>
</context>
<context>
    <name>DisplayWindow</name>
    <message>
        <location filename="../../ui/display/window.py" line="+228" />
        <source>Counterline hall display</source>
        <translation>Counterline 大厅显示屏</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Now serving</source>
        <translation>正在办理</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Latest calls</source>
        <translation>最近叫号</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Ticket</source>
        <translation>号码</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Counter</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Connection to the branch server lost. Reconnecting…</source>
        <translation>与网点服务器的连接中断，正在重新连接…</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Ticket %1, please go to counter %2</source>
        <translation>请 %1 号到 %2 号窗口办理</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Ticket %1, please go to %2</source>
        <comment>a counter with a name, not a number</comment>
        <translation>请 %1 号到 %2 办理</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Please wait to be called</source>
        <translation>请耐心等候叫号</translation>
    </message>
</context>
<context>
    <name>FeedbackWindow</name>
    <message>
        <location line="+1" />
        <source>How was your service today?</source>
        <translation>您对本次服务满意吗？</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Very poor</source>
        <translation>非常不满意</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Poor</source>
        <translation>不满意</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Okay</source>
        <translation>一般</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Good</source>
        <translation>满意</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Excellent</source>
        <translation>非常满意</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Thank you!</source>
        <translation>谢谢您的评价！</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Ticket %1</source>
        <translation>号码 %1</translation>
    </message>
    <message>
        <source>Your feedback – %1</source>
        <comment>a counter</comment>
        <translation>服务评价 – %1</translation>
    </message>
    <message>
        <source>Welcome to %1</source>
        <comment>a counter</comment>
        <translation>欢迎来到%1</translation>
    </message>
</context>
<context>
    <name>FinishDialog</name>
    <message>
        <location filename="../../ui/station/finish_dialog.py" line="+73" />
        <source>Finish %1</source>
        <translation>完成 %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Search transaction types</source>
        <translation>搜索交易类型</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Amount of the chosen line</source>
        <translation>所选交易的金额</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Finish visit</source>
        <translation>完成办理</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Transaction types (most used first)</source>
        <translation>交易类型（常用的在前）</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Done in this visit</source>
        <translation>本次已办理</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Enter adds one · + / − change the quantity · Delete removes · Ctrl+Enter finishes</source>
        <translation>Enter 添加一笔 · + / − 调整数量 · Delete 删除 · Ctrl+Enter 完成</translation>
    </message>
    <message>
        <location line="+110" />
        <source>Choose at least one transaction type.</source>
        <translation>请至少选择一种交易类型。</translation>
    </message>
</context>
<context>
    <name>HallSoundBanner</name>
    <message>
        <location filename="../../ui/supervisor/hall_sound.py" line="+47" />
        <source>the chime is turned off in display.toml</source>
        <translation>display.toml 中已关闭提示音</translation>
    </message>
    <message>
        <location line="+1" />
        <source>the PC's audio libraries are missing</source>
        <translation>该电脑缺少音频库</translation>
    </message>
    <message>
        <location line="+1" />
        <source>no loudspeaker or audio output is connected</source>
        <translation>未连接扬声器或音频输出</translation>
    </message>
    <message>
        <location line="+1" />
        <source>the chime cannot be played on this audio output</source>
        <translation>提示音无法在此音频输出上播放</translation>
    </message>
    <message>
        <location line="+10" />
        <source>⚠ Hall display %1 has not reported since %2: its sound may be off</source>
        <translation>⚠ 大厅显示屏 %1 自 %2 起未上报：其声音可能已关闭</translation>
    </message>
    <message>
        <location line="+3" />
        <source>⚠ Hall sound off at %1: %2. Calls are shown but not heard.</source>
        <translation>⚠ 大厅 %1 无声音：%2。叫号只显示，听不到。</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Hall sound</source>
        <translation>大厅声音</translation>
    </message>
    <message>
        <location line="+0" />
        <source>The hall's sound is on</source>
        <translation>大厅声音正常</translation>
    </message>
</context>
<context>
    <name>HelpOverlay</name>
    <message>
        <location filename="../../ui/station/help.py" line="+17" />
        <location line="+3" />
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location line="+17" />
        <source>In dialogs: arrows choose, Tab moves, Enter confirms, Escape cancels.</source>
        <translation>对话框中：方向键选择，Tab 切换，Enter 确认，Esc 取消。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>IdentifyDialog</name>
    <message>
        <location filename="../../ui/station/identify.py" line="+67" />
        <source>Identify the customer</source>
        <translation>识别客户</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Card number, ID number or phone</source>
        <translation>卡号、证件号或手机号</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Card number</source>
        <translation>卡号</translation>
    </message>
    <message>
        <location line="+1" />
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Find and link</source>
        <translation>查找并关联</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Number</source>
        <translation>号码</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Type the number first.</source>
        <translation>请先输入号码。</translation>
    </message>
</context>
<context>
    <name>IdentifyPage</name>
    <message>
        <location filename="../../ui/kiosk/identify.py" line="+103" />
        <source>Identify with your bank card or phone number</source>
        <translation>请输入银行卡号或手机号</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Bank card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+4" />
        <source>Phone number</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location line="-3" />
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location line="+1" />
        <source>OK</source>
        <comment>confirm the number typed on the keypad</comment>
        <translation>确定</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Card number</source>
        <translation>卡号</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Type the digits, then OK or Enter</source>
        <translation>输入数字，然后按“确定”或回车键</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Identify with a bank card number. Keypad key *</source>
        <translation>用银行卡号识别身份。数字键盘 * 键</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Identify with a phone number. Keypad key *</source>
        <translation>用手机号识别身份。数字键盘 * 键</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Back to the services. Keypad key -</source>
        <translation>返回业务选择。数字键盘 - 键</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Look up the number typed</source>
        <translation>查询输入的号码</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Keypad key</source>
        <translation>键盘按键</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Looking you up…</source>
        <translation>正在查询…</translation>
    </message>
    <message>
        <location line="+6" />
        <source>We could not find this number. You can still take a regular ticket.</source>
        <translation>未找到该号码，您仍可领取普通号票。</translation>
    </message>
    <message>
        <location line="+8" />
        <source>This does not look like a card or phone number. Please try again.</source>
        <translation>这不像是卡号或手机号，请重新输入。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Identification is not available now. You can still take a regular ticket.</source>
        <translation>暂时无法识别身份，您仍可领取普通号票。</translation>
    </message>
</context>
<context>
    <name>IssueTicketDialog</name>
    <message>
        <location filename="../../ui/station/ticket_dialog.py" line="+36" />
        <source>New ticket</source>
        <translation>新取号</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Card number, ID number or phone (optional)</source>
        <translation>卡号、证件号或手机号（可选）</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Service</source>
        <translation>业务</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Issue ticket</source>
        <translation>出号</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Issue and call now (Ctrl+Enter)</source>
        <translation>出号并立即叫号（Ctrl+Enter）</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../../ui/kiosk/window.py" line="+230" />
        <source>Counterline kiosk</source>
        <translation>Counterline 取号机</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Please choose a service</source>
        <translation>请选择业务</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Priority service: elderly, disabled or pregnant</source>
        <translation>优先服务：老年人、残障人士、孕妇</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Your number</source>
        <translation>您的号码</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Please take your ticket and wait to be called</source>
        <translation>请取走号票并等候叫号</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location line="+1" />
        <source>I have a bank card or phone number</source>
        <translation>我有银行卡或手机号</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Check in for my appointment</source>
        <translation>预约签到</translation>
    </message>
    <message>
        <location line="+1" />
        <source>A+ Large text</source>
        <translation>A+ 大字</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Keypad: 1–9 choose a service · 0 priority · * language · . bank card or phone · + large text</source>
        <translation>数字键盘：1–9 选择业务 · 0 优先 · * 语言 · . 银行卡或手机号 · + 大字</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/keypad.py" line="+23" />
        <source>Elderly, disabled and pregnant customers are called sooner. Keypad key 0</source>
        <translation>老年人、残障人士和孕妇会被优先叫号。数字键盘 0 键</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Type your bank card or phone number to be recognised. Keypad key .</source>
        <translation>输入银行卡号或手机号以识别身份。数字键盘 . 键</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Issues your appointment ticket</source>
        <translation>为您的预约取号</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Large text</source>
        <translation>大字</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Larger type in white and yellow on black. Keypad key +</source>
        <translation>黑底白字、黄字的大号字体。数字键盘 + 键</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Back to the first page for the next customer</source>
        <translation>返回首页，供下一位客户使用</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Shows the kiosk in this language. Keypad key *: next language</source>
        <translation>以此语言显示取号机。数字键盘 * 键：下一种语言</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/kiosk/window.py" line="+45" />
        <source>%n person(s) waiting</source>
        <comment>people in the queue</comment>
        <translation>
            <numerusform>%n 人等候</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7" />
        <source>Takes a ticket for this service. Keypad key %1</source>
        <translation>为此业务取号。数字键盘 %1 键</translation>
    </message>
    <message>
        <location line="+3" />
        <source>No counter is open at the moment. Please ask our staff.</source>
        <translation>目前没有开放的窗口，请咨询工作人员。</translation>
    </message>
    <message numerus="yes">
        <location line="+18" />
        <source>%n customer(s) ahead of you</source>
        <translation>
            <numerusform>您前面还有 %n 位客户</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2" />
        <source>Waiting time will be shown once a counter opens</source>
        <translation>窗口开放后将显示预计等候时间</translation>
    </message>
    <message numerus="yes">
        <location line="+3" />
        <source>Estimated wait: about %n minute(s)</source>
        <translation>
            <numerusform>预计等候约 %n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2" />
        <source>The ticket printer is out of order. Please remember your number: %1</source>
        <translation>号票打印机故障，请记住您的号码：%1</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Please keep this ticket until you are called</source>
        <translation>请保管好号票，等候叫号</translation>
    </message>
    <message>
        <location line="+37" />
        <source>Welcome, %1 customer: you will be served with priority</source>
        <translation>欢迎您，%1客户：您将获得优先服务</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Welcome! Please choose a service</source>
        <translation>欢迎光临！请选择业务</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Your appointment at %1 – %2</source>
        <translation>您的预约：%1 – %2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Your appointment is at %1 – %2. Check-in opens at %3; you can also take a ticket now.</source>
        <translation>您的预约时间为 %1 – %2。%3 起可签到；您也可以现在取号。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Your appointment at %1 – %2 has passed. Please take a ticket.</source>
        <translation>您 %1 的预约（%2）已过时，请取号。</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Your appointment could not be checked in. Please take a ticket or ask our staff.</source>
        <translation>预约签到未成功，请取号或咨询工作人员。</translation>
    </message>
    <message>
        <source>Your appointment could not be checked in just now. Please try again or ask our staff.</source>
        <translation>预约暂时未能签到，请再试一次或咨询工作人员。</translation>
    </message>
    <message>
        <location line="+29" />
        <source>Sorry, no ticket could be issued. Please ask our staff.</source>
        <translation>抱歉，无法取号，请咨询工作人员。</translation>
    </message>
    <message>
        <source>The queue cannot be shown right now. Tickets may take a moment.</source>
        <translation>暂时无法显示排队情况，取号可能需要稍候。</translation>
    </message>
<message>
        <location line="-69" />
        <source>Welcome, %1: you will be served with priority</source>
        <translation>尊敬的%1客户，欢迎您：您将获得优先服务</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Welcome, %1! Please choose a service</source>
        <translation>尊敬的%1客户，欢迎您！请选择业务</translation>
    </message>
<message>
        <location line="+2" />
        <source>Keypad: 1–9 choose a service · 0 priority · * language · . bank card or phone · + large text · / spoken guide</source>
        <translation>数字键盘：1–9 选择业务 · 0 优先 · * 语言 · . 银行卡或手机号 · + 大字 · / 语音引导</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/kiosk/window.py" line="+45" />
        <source>%n customer(s) ahead</source>
        <comment>on a service tile</comment>
        <translation>
            <numerusform>前面有 %n 位客户</numerusform>
        </translation>
    </message>
    <message>
        <source>Spoken guide</source>
        <translation>语音引导</translation>
    </message>
    <message>
        <source>Reads each step aloud in this language. Keypad key /</source>
        <translation>用当前语言朗读每一步的提示。数字键盘 / 键</translation>
    </message>
    <message>
        <source>No speech engine on this PC</source>
        <translation>本机没有语音引擎</translation>
    </message>
</context>
<context>
    <name>LockPage</name>
    <message>
        <location filename="../../ui/station/signin.py" line="+146" />
        <source>Station locked</source>
        <translation>工作站已锁定</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Signed in: %1. Enter your PIN to continue.</source>
        <translation>当前登录：%1。请输入 PIN 码继续。</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+1" />
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+1" />
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Wrong PIN. Please try again.</source>
        <translation>PIN 码错误，请重试。</translation>
    </message>
</context>
<context>
    <name>MoveTicketDialog</name>
    <message>
        <location filename="../../ui/supervisor/dialogs.py" line="+83" />
        <source>Move ticket %1</source>
        <translation>改派号码 %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>To another service</source>
        <translation>转到其他业务</translation>
    </message>
    <message>
        <location line="+1" />
        <source>To one counter</source>
        <translation>转到指定窗口</translation>
    </message>
</context>
<context>
    <name>OpenCounterDialog</name>
    <message>
        <location line="+3" />
        <source>No teller yet</source>
        <translation>暂无柜员</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Teller</source>
        <translation>柜员</translation>
    </message>
    <message>
        <source>Open %1</source>
        <comment>a counter</comment>
        <translation>开放%1</translation>
    </message>
</context>
<context>
    <name>PauseDialog</name>
    <message>
        <location filename="../../ui/station/dialogs.py" line="-88" />
        <source>Pause the counter</source>
        <translation>暂停窗口服务</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Why do you pause?</source>
        <translation>暂停原因？</translation>
    </message>
</context>
<context>
    <name>PieceRatePanel</name>
    <message>
        <location line="+2" />
        <source>Finished</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Counter</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Service min</source>
        <translation>服务分钟</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Standard min</source>
        <translation>标准分钟</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Units</source>
        <translation>当量</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Rating</source>
        <translation>评分</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Errors</source>
        <translation>差错</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Corrected</source>
        <translation>更正</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../ui/reports/piece_rate_panel.py" line="+174" />
        <source>Branch</source>
        <translation>网点</translation>
    </message>
    <message>
        <location line="+1" />
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location line="+1" />
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <location line="+1" />
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Export %1…</source>
        <translation>导出 %1…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Quality / correct…</source>
        <translation>质量/更正…</translation>
    </message>
    <message>
        <location line="+82" />
        <source>Piece-rate report</source>
        <translation>计件考核报表</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Choose a period and press Show.</source>
        <translation>请选择期间并点击“显示”。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>%1: %2 tellers, %3 visits, %4 standard units, %5 net units, pay %6 %7; %8 visits without a teller</source>
        <translation>%1：%2 名柜员，%3 笔服务，标准当量 %4，净当量 %5，计件工资 %6 %7；%8 笔无柜员记录</translation>
    </message>
    <message>
        <location line="+27" />
        <source>Visits of %1</source>
        <translation>%1 的服务记录</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Visits</source>
        <translation>服务记录</translation>
    </message>
    <message>
        <location line="+39" />
        <source>Export the report</source>
        <translation>导出报表</translation>
    </message>
<message>
        <location filename="../../ui/reports/piece_rate_models.py" line="+150" />
        <source>Ticket</source>
        <translation>号码</translation>
    </message>
    <message>
        <source>No visits in the chosen period</source>
        <translation>所选期间没有服务记录</translation>
    </message>
    <message>
        <source>Choose a teller above to see the visits</source>
        <translation>请在上方选择柜员以查看其服务记录</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
</context>
<context>
    <name>PieceRateReport</name>
    <message>
        <location filename="../../ui/reports/piece_rate_texts.py" line="+14" />
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Teller ID</source>
        <translation>柜员编号</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Visits</source>
        <translation>服务笔数</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Standard units</source>
        <translation>标准当量</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Units per serving hour</source>
        <translation>每服务小时当量</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Service time / standard</source>
        <translation>服务时长/标准</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Overrun share</source>
        <translation>超时占比</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Average rating</source>
        <translation>平均评分</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Ratings</source>
        <translation>评分数</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Minor errors</source>
        <translation>一般差错</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Major errors</source>
        <translation>重大差错</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Corrected visits</source>
        <translation>已更正笔数</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cross-sell accepted</source>
        <translation>交叉营销成功</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Signed-in hours</source>
        <translation>签到小时</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Serving hours</source>
        <translation>服务小时</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Paused hours</source>
        <translation>暂停小时</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Idle hours</source>
        <translation>空闲小时</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Quality bonus units</source>
        <translation>质量奖励当量</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Deduction units</source>
        <translation>扣减当量</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cross-sell units</source>
        <translation>交叉营销当量</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Net units</source>
        <translation>净当量</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Target units</source>
        <translation>目标当量</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Attainment</source>
        <translation>完成率</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Pay</source>
        <translation>计件工资</translation>
    </message>
    <message>
        <location line="+1" />
        <source>From</source>
        <translation>起</translation>
    </message>
    <message>
        <location line="+1" />
        <source>To</source>
        <translation>止</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Transaction type</source>
        <translation>交易类型</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Type name</source>
        <translation>类型名称</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Items</source>
        <translation>笔数</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Units</source>
        <translation>当量</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Service hours</source>
        <translation>服务小时数</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Standard hours</source>
        <translation>标准小时数</translation>
    </message>
    <message>
        <location line="+5" />
        <location line="+24" />
        <source>Branch total</source>
        <translation>网点合计</translation>
    </message>
    <message>
        <location line="-20" />
        <source>Piece-rate report</source>
        <translation>计件考核报表</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Units per teller</source>
        <translation>各柜员当量</translation>
    </message>
    <message>
        <location line="+1" />
        <source>units</source>
        <translation>当量</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Service times per teller</source>
        <translation>各柜员服务时长</translation>
    </message>
    <message>
        <location line="+1" />
        <source>minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Units by transaction type, whole branch</source>
        <translation>全网点按交易类型的当量</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Branch ID</source>
        <translation>网点编号</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Branch</source>
        <translation>网点</translation>
    </message>
    <message>
        <location line="+2" />
        <source>All branches</source>
        <translation>全部网点</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Pay scheme (the same for every branch)</source>
        <translation>计酬方案（各网点相同）</translation>
    </message>
<message>
        <location line="-32" />
        <source>Tellers</source>
        <comment>XLSX sheet name</comment>
        <translation>柜员</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Units by type</source>
        <comment>XLSX sheet name</comment>
        <translation>按业务类型统计</translation>
    </message>
<message>
        <source>Short visits awaiting review</source>
        <translation>待审核短时业务</translation>
    </message>
    <message>
        <source>Units withheld (short visits)</source>
        <translation>暂不计发当量（短时业务）</translation>
    </message>
<message>
        <location line="+1" />
        <source>standard</source>
        <translation>标准当量</translation>
    </message>
    <message>
        <location line="+1" />
        <source>net</source>
        <translation>净当量</translation>
    </message>
    </context>
<context>
    <name>ProfileDialog</name>
    <message>
        <location line="+4" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Services and precedence (1 = first, 4 = only when nothing better waits)</source>
        <translation>业务及优先级（1 = 最先，4 = 仅在无其他客户时）</translation>
    </message>
    <message>
        <source>Profile of %1</source>
        <comment>a counter</comment>
        <translation>%1业务配置</translation>
    </message>
</context>
<context>
    <name>ProfilePanel</name>
    <message>
        <location filename="../../ui/station/profile_panel.py" line="+76" />
        <source>CUSTOMER</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Interested</source>
        <translation>有意向</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Declined</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Not offered</source>
        <translation>未推荐</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Current account</source>
        <translation>活期账户</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Time deposit</source>
        <translation>定期存款</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Wealth product</source>
        <translation>理财产品</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Fund</source>
        <translation>基金</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Insurance</source>
        <translation>保险</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Loan</source>
        <translation>贷款</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Credit card</source>
        <translation>信用卡</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Mobile banking</source>
        <translation>手机银行</translation>
    </message>
    <message>
        <location line="+8" />
        <source>No customer identified. Press Ctrl+I to look up a card, ID number or phone.</source>
        <translation>尚未识别客户。按 Ctrl+I 可按卡号、证件号或手机号查询。</translation>
    </message>
    <message>
        <location line="+22" />
        <source>Customer no.</source>
        <translation>客户号</translation>
    </message>
    <message>
        <location line="+1" />
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cards</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Assets</source>
        <translation>资产</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Birthday this week</source>
        <translation>本周生日</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Open complaint</source>
        <translation>有未结投诉</translation>
    </message>
    <message>
        <location line="+6" />
        <source>No marketing (opted out)</source>
        <translation>拒绝营销（已退订）</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Maturing soon: %1</source>
        <translation>即将到期：%1</translation>
    </message>
    <message>
        <location line="+7" />
        <source>SUGGESTIONS</source>
        <translation>推荐建议</translation>
    </message>
<message>
        <location line="-23" />
        <source>NOTES AND FOLLOW-UPS</source>
        <translation>备注与跟进</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Due %1, %2</source>
        <translation>%1 到期，负责人 %2</translation>
    </message>
    <message>
        <source>under 18</source>
        <comment>age band</comment>
        <translation>未满 18 岁</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>No-show</source>
        <translation type="obsolete">过号</translation>
    </message>
</context>
<context>
    <name>QualityDialog</name>
    <message>
        <location filename="../../ui/supervisor/quality_dialog.py" line="+184" />
        <source>Visit %1</source>
        <translation>服务记录 %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Record quality</source>
        <translation>记录质量问题</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Correct the record</source>
        <translation>更正记录</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Minor error</source>
        <translation>一般差错</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Major error</source>
        <translation>重大差错</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Transaction</source>
        <translation>交易</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Add line</source>
        <translation>添加一行</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Remove line</source>
        <translation>删除一行</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+30" />
        <source>Transactions</source>
        <translation>交易</translation>
    </message>
    <message>
        <location line="-29" />
        <location line="+29" />
        <source>Teller</source>
        <translation>柜员</translation>
    </message>
    <message>
        <location line="-28" />
        <location line="+29" />
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="-28" />
        <location line="+28" />
        <source>Withdraw marks</source>
        <translation>撤销质量记录</translation>
    </message>
    <message>
        <location line="-27" />
        <source>Reason (required)</source>
        <translation>原因（必填）</translation>
    </message>
    <message>
        <location line="+6" />
        <source>%1: %2 by %3 %4</source>
        <translation>%1：%2，记录人 %3 %4</translation>
    </message>
    <message>
        <location line="+11" />
        <source>%1: corrected by %2 (%3): %4</source>
        <translation>%1：%2 更正（%3）：%4</translation>
    </message>
    <message>
        <location line="+6" />
        <source>No quality marks or corrections yet.</source>
        <translation>尚无质量记录或更正。</translation>
    </message>
<message>
        <location line="+3" />
        <source>Ticket %1 at %2, served by %3; finished %4 after %5 min; rating %6.
Transactions: %7</source>
        <translation>号码 %1，%2，柜员 %3；%4 办结，用时 %5 分钟；评分 %6。
交易：%7</translation>
    </message>
    </context>
<context>
    <name>QuarantineModel</name>
    <message>
        <location filename="../../ui/supervisor/sync.py" line="+14" />
        <source>Station</source>
        <translation>工作站</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Sequence</source>
        <translation>序号</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Refused because</source>
        <translation>拒收原因</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location line="+0" />
        <source>Service</source>
        <translation>业务</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Waited</source>
        <translation>已等候</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Estimate</source>
        <translation>预计等候</translation>
    </message>
<message>
        <location filename="../../ui/station/queue_panel.py" line="+57" />
        <source>Ticket</source>
        <translation>号码</translation>
    </message>
    </context>
<context>
    <name>QueuePanel</name>
    <message>
        <location line="+95" />
        <source>Nobody is waiting for this counter.</source>
        <translation>本窗口暂无等候客户。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Queue for this counter</source>
        <translation>本窗口的排队</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Up and down choose a ticket; Enter calls it out of order</source>
        <translation>上下键选择号码；回车键插队叫号</translation>
    </message>
    <message>
        <location line="+7" />
        <source>QUEUE FOR THIS COUNTER</source>
        <translation>本窗口队列</translation>
    </message>
    <message numerus="yes">
        <location line="+1" />
        <source>%n ticket(s) waiting</source>
        <translation>
            <numerusform>%n 人等候</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReleaseDialog</name>
    <message>
        <location line="+4" />
        <location line="+3" />
        <source>Supervisor's staff ID</source>
        <translation>主管员工号</translation>
    </message>
    <message>
        <location line="-2" />
        <location line="+3" />
        <source>Supervisor's PIN</source>
        <translation>主管 PIN 码</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The teller who held the counter is signed out of it. Their finished visits are kept.</source>
        <translation>占用该窗口的柜员将被签退，其已完成的业务记录保留。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Release</source>
        <translation>释放</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Release %1</source>
        <comment>a counter</comment>
        <translation>释放%1</translation>
    </message>
</context>
<context>
    <name>RestoredNotice</name>
    <message>
        <source>⚠ The branch store was restored from a backup (noticed at %1): this screen now shows what it holds. Tickets and visits recorded after that backup are missing from it; check the queue in the hall.</source>
        <translation>⚠ 网点数据库已从备份恢复（%1 发现）：本屏幕现在显示恢复后的内容。该备份之后记录的号码和服务记录已不在其中，请核对大厅的排队情况。</translation>
    </message>
    <message>
        <source>Branch store restored</source>
        <translation>网点数据库已恢复</translation>
    </message>
</context>
<context>
    <name>ReturnParkedDialog</name>
    <message>
        <location filename="../../ui/station/dialogs.py" line="+87" />
        <source>Return a parked ticket</source>
        <translation>取回暂挂号码</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Return</source>
        <translation>恢复</translation>
    </message>
</context>
<context>
    <name>ServiceReport</name>
    <message>
        <location filename="../../ui/reports/service_report_texts.py" line="+14" />
        <source>Branch ID</source>
        <translation>网点编号</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Branch</source>
        <translation>网点</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Category</source>
        <translation>业务类别</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Category name</source>
        <translation>类别名称</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Tickets issued</source>
        <translation>取号数</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Served</source>
        <translation>已办理</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Mean wait (min)</source>
        <translation>平均等候（分钟）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>90th percentile wait (min)</source>
        <translation>90%分位等候（分钟）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Target wait (min)</source>
        <translation>目标等候（分钟）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Served within target</source>
        <translation>达标办理率</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Mean service time (min)</source>
        <translation>平均办理时长（分钟）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>From</source>
        <translation>起</translation>
    </message>
    <message>
        <location line="+1" />
        <source>To</source>
        <translation>止</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Branch total</source>
        <translation>网点合计</translation>
    </message>
    <message>
        <location line="+1" />
        <source>All branches</source>
        <translation>全部网点</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Service report</source>
        <translation>服务质量报表</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Tickets by the local date they were issued in each branch; waits from issue to first call, of served tickets; service level: served within the category's target wait.</source>
        <translation>按各网点当地取号日期统计；等候时间为已办理号票从取号到首次叫号的时间；服务水平：在类别目标等候时间内办理的比例。</translation>
    </message>
<message>
        <location line="+1" />
        <source>No-shows</source>
        <translation>过号</translation>
    </message>
    <message>
        <source>Expired (day ended)</source>
        <comment>tickets not served: their business day ended while they waited</comment>
        <translation>已过期（当日结束）</translation>
    </message>
    </context>
<context>
    <name>SettingsPanel</name>
    <message>
        <location filename="../../ui/supervisor/settings.py" line="+56" />
        <source>Service categories</source>
        <translation>业务类别</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Transaction types</source>
        <translation>交易类型</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cross-sell rules</source>
        <translation>交叉销售规则</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Alert thresholds</source>
        <translation>警报阈值</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Staffing target and plan</source>
        <translation>人员配置目标与排班</translation>
    </message>
    <message>
        <location line="+13" />
        <location line="+3" />
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <location line="-2" />
        <source>Settings file</source>
        <translation>设置文件</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Which settings file to show and edit</source>
        <translation>要查看和编辑的设置文件</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Settings text</source>
        <translation>设置内容</translation>
    </message>
    <message>
        <location line="+0" />
        <source>The chosen settings file, in TOML, to edit</source>
        <translation>所选设置文件（TOML 格式），可编辑</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Checks the edited settings without saving them</source>
        <translation>检查编辑后的设置，不保存</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+1" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Checks the settings and saves them for the whole branch</source>
        <translation>检查设置并为整个网点保存</translation>
    </message>
    <message>
        <location line="+23" />
        <source>Not valid: %1</source>
        <translation>无效：%1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The file is valid.</source>
        <translation>文件有效。</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Saved. Stations use the new file when they next start.</source>
        <translation>已保存。各工作站下次启动时使用新文件。</translation>
    </message>
    <message>
        <source>The service category %1 is still in use (open tickets: %2; counters that serve it: %3). Finish or move its tickets and take it off those counters first, or keep the category.</source>
        <translation>业务类别 %1 仍在使用中（未结束的号码：%2；办理该业务的窗口：%3）。请先办完或改派其号码，并从这些窗口中去掉该业务，或保留该类别。</translation>
    </message>
    <message>
        <source>Appointments are booked in it (number and day): %1. Cancel them first.</source>
        <translation>该类别中还有已预约的号（编号和日期）：%1。请先取消这些预约。</translation>
    </message>
    <message>
        <source>This file was saved from another screen since you opened it. Copy your changes, choose the file again to see what was saved, and make them there.</source>
        <translation>您打开此文件后，另一个界面已保存了它。请复制您的修改，重新选择该文件查看已保存的内容，再在其中修改。</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <location filename="../../ui/station/signin.py" line="-84" />
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Teller station</source>
        <translation>柜员工作站</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+4" />
        <source>Staff ID</source>
        <translation>员工号</translation>
    </message>
    <message>
        <location line="-4" />
        <location line="+5" />
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
    <message>
        <location line="-5" />
        <location line="+6" />
        <source>Counter</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location line="-3" />
        <source>Sign in and open the counter</source>
        <translation>登录并开启窗口</translation>
    </message>
    <message>
        <location line="+8" />
        <source>A supervisor signs out the teller who still holds this counter</source>
        <translation>由主管签退仍占用此窗口的柜员</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Supervisor: release this counter</source>
        <translation>主管：释放此窗口</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Demo mode. Staff ID / PIN: %1</source>
        <translation>演示模式。员工号 / PIN 码：%1</translation>
    </message>
</context>
<context>
    <name>StaffingPanel</name>
    <message>
        <location filename="../../ui/supervisor/staffing.py" line="+49" />
        <source>Compute again</source>
        <translation>重新计算</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Computes the staffing advice again from the history</source>
        <translation>根据历史数据重新计算排班建议</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Staffing advice</source>
        <translation>排班建议</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Hour</source>
        <translation>时段</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Arrivals / h</source>
        <translation>到达人数/小时</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Erlang C</source>
        <translation>Erlang C 公式</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Simulated level</source>
        <translation>模拟达标率</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Advised</source>
        <translation>建议</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Planned</source>
        <translation>计划</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Counters needed to serve the target share of customers within the target wait, from the last four weeks of arrivals on this weekday, computed with Erlang C and checked by simulating the branch.</source>
        <translation>根据最近四周同一工作日的到达人数，用 Erlang C 计算并经网点模拟验证，在目标等候时间内服务目标比例客户所需的窗口数。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Counters per hour</source>
        <translation>每小时窗口数</translation>
    </message>
    <message>
        <location line="+0" />
        <source>counters</source>
        <translation>窗口数</translation>
    </message>
    <message>
        <location line="+0" />
        <source>hour</source>
        <translation>时段</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Computing the staffing advice…</source>
        <translation>正在计算人员配置建议…</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Staffing advice for %1 (target: %2 within the target wait)</source>
        <translation>%1 人员配置建议（目标：%2 在目标等候时间内）</translation>
    </message>
    <message>
        <location line="+24" />
        <source>advised</source>
        <translation>建议</translation>
    </message>
    <message>
        <location line="+0" />
        <source>planned</source>
        <translation>计划</translation>
    </message>
<message>
        <location line="+0" />
        <source>One row per hour: arrivals, service time, advice</source>
        <translation>每小时一行：到达人数、办理时长、建议</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Service (min)</source>
        <translation>办理时长（分钟）</translation>
    </message>
    <message>
        <source>No history yet: the advice needs arrivals on this weekday in the past weeks. It appears once the branch has served customers on this weekday.</source>
        <translation>尚无历史数据：排班建议需要过去几周同一工作日的到店记录。网点在该工作日接待过客户后即会显示。</translation>
    </message>
</context>
<context>
    <name>StationActions</name>
    <message>
        <location filename="../../ui/station/actions.py" line="+73" />
        <source>Call next</source>
        <translation>叫下一位</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Recall</source>
        <translation>重呼</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Start service</source>
        <translation>开始办理</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Finish…</source>
        <translation>完成…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No-show</source>
        <translation>过号</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Transfer…</source>
        <translation>转办…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Park</source>
        <translation>暂挂</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Resume</source>
        <translation>恢复服务</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Pause…</source>
        <translation>暂停…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Return parked…</source>
        <translation>取回暂挂号码…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Call out of order…</source>
        <translation>不按顺序叫号…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Identify customer…</source>
        <translation>识别客户…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>New ticket…</source>
        <translation>新取号…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Lock screen</source>
        <translation>锁定屏幕</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Close counter and sign out</source>
        <translation>关闭窗口并退出登录</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Next language</source>
        <translation>切换语言</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
<message>
        <location line="-10" />
        <source>Note on the customer…</source>
        <translation>客户备注…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Follow-up for the customer…</source>
        <translation>客户跟进计划…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Suggestion accepted</source>
        <translation>推荐：已接受</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Suggestion: customer interested</source>
        <translation>推荐：客户有意向</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Suggestion declined</source>
        <translation>推荐：已拒绝</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Suggestion not offered</source>
        <translation>推荐：未推荐</translation>
    </message>
</context>
<context>
    <name>StationCommands</name>
    <message>
        <location filename="../../ui/station/command_runner.py" line="+189" />
        <source>Customer profiles are not available on this station.</source>
        <translation>本工作站无法查看客户资料。</translation>
    </message>
    <message numerus="yes">
        <location line="+62" />
        <source>%n customer(s) ahead</source>
        <translation>
            <numerusform>前面还有 %n 位客户</numerusform>
        </translation>
    </message>
    <message>
        <source>Ticket %1 was issued but not printed: give the customer the number shown.</source>
        <translation>号码 %1 已发出，但未能打印：请把屏幕上显示的号码告诉客户。</translation>
    </message>
</context>
<context>
    <name>StationDialogs</name>
    <message>
        <location filename="../../ui/station/dialogs.py" line="-128" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>StationErrors</name>
    <message>
        <location filename="../../ui/station/errors.py" line="+15" />
        <source>Unknown staff ID or wrong PIN.</source>
        <translation>员工号不存在或 PIN 码错误。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Another teller is signed in at this counter, or you are signed in at another one.</source>
        <translation>该窗口已有其他柜员登录，或您已在其他窗口登录。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Your role may not do this.</source>
        <translation>您的角色无权执行此操作。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Your account was deactivated or given another role or PIN, so you were signed out. Ask your supervisor.</source>
        <translation>您的员工账户已被停用，或角色、PIN 已变更，因此已将您签退。请联系主管。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>This customer was not found.</source>
        <translation>未找到该客户。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>You can open the profile and record answers to suggestions only for the customer you are serving.</source>
        <translation>只能为您正在办理的客户查看资料和记录推荐结果。</translation>
    </message>
    <message>
        <source>This suggestion was not made for this customer in this visit, so no answer to it is recorded.</source>
        <translation>本次办理未向该客户提出此推荐，因此不记录对它的回答。</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Customer look-up needs the branch server, which cannot be reached now. The queue keeps working offline.</source>
        <translation>客户查询需要连接网点服务器，目前无法连接。排队叫号在离线状态下照常进行。</translation>
    </message>
    <message>
        <location line="+29" />
        <source>A configuration file was refused, so this cannot be done; tell the administrator: %1</source>
        <translation>配置文件被拒绝，因此无法执行此操作；请告知管理员：%1</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The branch database cannot be reached. Nothing was changed; try again.</source>
        <translation>无法连接网点数据库。未做任何更改，请重试。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Unexpected error, nothing was changed: %1</source>
        <translation>发生意外错误，未做任何更改：%1</translation>
    </message>
    <message>
        <location line="-54" />
        <source>This station's copy of the staff accounts was altered. Sign in when the branch server answers.</source>
        <translation>本柜台终端上的员工账户副本已被篡改。请在网点服务器恢复连接后再登录。</translation>
    </message>
    <message>
        <source>This station was not given the branch's staff-signing.pub, so it cannot check PINs offline. Sign in when the branch server answers, and ask the administrator to copy the file to this PC.</source>
        <translation>本终端未获得网点的 staff-signing.pub 文件，无法离线核验密码。请在网点服务器恢复连接后登录，并请管理员将该文件复制到本电脑。</translation>
    </message>
    <message>
        <location line="+9" />
        <source>The link to the branch server dropped while it was saving this. Do not repeat it yet: the station checks whether it was saved as soon as the link is back, and nothing is lost or done twice.</source>
        <translation>保存时与网点服务器的连接中断。请暂勿重复操作：连接恢复后本工作站会立即核实是否已保存，不会丢失，也不会重复办理。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>This station's file was restored from a backup. It works again as soon as it has synced with the branch server, which gives back what the backup lacks.</source>
        <translation>本工作站的数据文件是从备份恢复的。与网点服务器同步后即可继续使用，服务器会补回备份中缺少的记录。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Another PC now syncs as this station. This PC keeps its records but no longer syncs: ask the administrator for a station id of its own.</source>
        <translation>另一台电脑正以本工作站的身份同步。本机保留其记录，但不再同步：请向管理员申请一个独立的工作站编号。</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Too many wrong PINs: the account is locked until a supervisor unlocks it.</source>
        <translation>密码错误次数过多：账户已锁定，须由主管解锁。</translation>
    </message>
    <message>
        <source>Too many wrong PINs: the account is locked until an administrator unlocks it.</source>
        <translation>密码错误次数过多：账户已锁定，须由管理员解锁。</translation>
    </message>
    <message numerus="yes">
        <location line="+4" />
        <source>Too many wrong PINs: try again in %n minute(s).</source>
        <translation>
            <numerusform>密码错误次数过多：请 %n 分钟后重试。</numerusform>
        </translation>
    </message>
    <message>
        <source>The branch database cannot be reached: the screen shows what it last read and updates when the database answers again.</source>
        <translation>无法连接网点数据库：屏幕显示的是最后读取的内容，数据库恢复响应后会自动更新。</translation>
    </message>
    <message>
        <source>The screen could not be updated: %1</source>
        <translation>屏幕未能更新：%1</translation>
    </message>
    <message>
        <source>The branch server has no suggestion rules yet, so no answer is recorded. Ask the supervisor to open the supervisor screen, which gives the server the branch's rules.</source>
        <translation>网点服务器尚无推荐规则，因此不记录回答。请主管打开主管界面，由它把网点的规则交给服务器。</translation>
    </message>
</context>
<context>
    <name>StationStatusBar</name>
    <message>
        <location filename="../../ui/station/status_bar.py" line="+34" />
        <source>Teller: %1</source>
        <translation>柜员：%1</translation>
    </message>
    <message>
        <location line="+9" />
        <source>This PC's clock is %1 s off the branch server's</source>
        <translation>本机时钟与网点服务器相差 %1 秒</translation>
    </message>
    <message>
        <source>Branch database unreachable</source>
        <translation>无法连接网点数据库</translation>
    </message>
</context>
<context>
    <name>StationWindow</name>
    <message>
        <location filename="../../ui/station/window.py" line="+134" />
        <source>Counterline · Teller station</source>
        <translation>Counterline · 柜员工作站</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Station</source>
        <translation>工作站</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Help</source>
        <translation>帮助</translation>
    </message>
    <message>
        <location line="+104" />
        <source>Counter released. You can sign in now.</source>
        <translation>窗口已释放，现在可以签到。</translation>
    </message>
</context>
<context>
    <name>SupervisorSignIn</name>
    <message>
        <location filename="../../ui/supervisor/signin.py" line="+21" />
        <source>Supervisor sign-in</source>
        <translation>主管登录</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Staff id</source>
        <translation>员工编号</translation>
    </message>
    <message>
        <location line="+1" />
        <source>PIN</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Unknown staff id or wrong PIN.</source>
        <translation>员工编号不存在或密码错误。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Only supervisors and administrators may use this screen.</source>
        <translation>只有主管和管理员可以使用此界面。</translation>
    </message>
</context>
<context>
    <name>SupervisorWindow</name>
    <message>
        <location filename="../../ui/supervisor/window.py" line="+202" />
        <source>Counterline supervisor</source>
        <translation>Counterline 主管</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Served within target today</source>
        <translation>今日目标内办理率</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Customers served today</source>
        <translation>今日已办结客户</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Waiting now</source>
        <translation>当前等候</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+3" />
        <source>Alerts</source>
        <translation>警报</translation>
    </message>
    <message>
        <location line="-2" />
        <source>Counters</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Waiting per service</source>
        <translation>各业务等候情况</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Waiting customers</source>
        <translation>等候客户</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Today's charts</source>
        <translation>今日图表</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Staffing</source>
        <translation>人员配置</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Piece-rate</source>
        <translation>计件考核</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Appointments</source>
        <translation>预约</translation>
    </message>
    <message>
        <location line="+55" />
        <source>The branch store does not answer; retrying…</source>
        <translation>网点数据库无响应，正在重试…</translation>
    </message>
    <message>
        <location line="+51" />
        <source>The action failed: %1</source>
        <translation>操作失败：%1</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Counter opened.</source>
        <translation>窗口已开放。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Counter closed.</source>
        <translation>窗口已关闭。</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Counter profile changed.</source>
        <translation>窗口业务配置已更改。</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Ticket moved.</source>
        <translation>号码已改派。</translation>
    </message>
    <message>
        <location line="-146" />
        <source>Sync</source>
        <translation>同步</translation>
    </message>
</context>
<context>
    <name>SyncIssuesPanel</name>
    <message>
        <location filename="../../ui/supervisor/sync.py" line="+42" />
        <source>Open conflicts</source>
        <translation>未处理的冲突</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Events the branch server refused</source>
        <translation>网点服务器拒收的事件</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Mark resolved…</source>
        <translation>标记为已处理…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Mark the selected conflict resolved</source>
        <translation>将所选冲突标记为已处理</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Refresh the sync issues</source>
        <translation>刷新同步问题</translation>
    </message>
    <message>
        <location line="+20" />
        <source>Station %1: clock %2 s off the branch server's (measured %3); its times are corrected</source>
        <translation>工作站 %1：时钟与网点服务器相差 %2 秒（%3 测得），其时间已自动校正</translation>
    </message>
    <message>
        <location line="+8" />
        <source>%1 open conflict(s), %2 refused event(s)</source>
        <translation>%1 个未处理冲突，%2 个被拒收事件</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Mark resolved</source>
        <translation>标记为已处理</translation>
    </message>
    <message>
        <location line="+0" />
        <source>What was done for the customer?</source>
        <translation>已为客户做了什么处理？</translation>
    </message>
<message>
        <source>No open conflicts</source>
        <translation>没有未处理的冲突</translation>
    </message>
    <message>
        <source>No refused events</source>
        <translation>没有被拒收的事件</translation>
    </message>
</context>
<context>
    <name>TicketIssuedDialog</name>
    <message>
        <location filename="../../ui/station/ticket_dialog.py" line="+31" />
        <source>Your ticket</source>
        <translation>您的号票</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <location filename="../../ui/station/dialogs.py" line="+53" />
        <source>Transfer %1</source>
        <translation>转办 %1</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Transfer</source>
        <translation>转办</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Same service</source>
        <translation>原业务</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Any counter</source>
        <translation>任意窗口</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Keep the customer's place in the queue</source>
        <translation>保留客户的排队位置</translation>
    </message>
    <message>
        <location line="+3" />
        <source>To service</source>
        <translation>转至业务</translation>
    </message>
    <message>
        <location line="+1" />
        <source>To counter</source>
        <translation>转至窗口</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Choose another service or a counter.</source>
        <translation>请选择其他业务或窗口。</translation>
    </message>
</context>
<context>
    <name>WaitingList</name>
    <message>
        <location filename="../../ui/supervisor/queue.py" line="+32" />
        <source>Ticket</source>
        <translation>号码</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Service</source>
        <translation>业务</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Waited</source>
        <translation>已等候</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Move ticket…</source>
        <translation>改派号码…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Waiting tickets</source>
        <translation>等候中的号码</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Every waiting ticket, longest wait first</source>
        <translation>所有等候中的号码，等候最久的在前</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Move ticket</source>
        <translation>改派号码</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Moves the selected ticket to another service or counter</source>
        <translation>将所选号码改派到其他业务或窗口</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Select a ticket to move it to another service or counter</source>
        <translation>选择号码可将其转到其他业务或窗口</translation>
    </message>
</context>
<context>
    <name>CallList</name>
    <message>
        <location filename="../../ui/supervisor/call_list_dialogs.py" line="+15" />
        <source>Reached</source>
        <comment>call result</comment>
        <translation>已联系上</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No answer</source>
        <comment>call result</comment>
        <translation>无人接听</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Appointment booked</source>
        <comment>call result</comment>
        <translation>已预约</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Declined</source>
        <comment>call result</comment>
        <translation>客户谢绝</translation>
    </message>
</context>
<context>
    <name>CallListModel</name>
    <message>
        <location filename="../../ui/supervisor/call_list_panel.py" line="+78" />
        <source>Why</source>
        <translation>事由</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Customer number</source>
        <translation>客户号</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Marketing</source>
        <translation>营销许可</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Last call</source>
        <translation>上次致电</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Appointment reminder: %1</source>
        <translation>预约提醒：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+3" />
        <source>Deposit matures in %n day(s)</source>
        <translation>
            <numerusform>定期存款 %n 天后到期</numerusform>
        </translation>
    </message>
    <message>
        <location line="+0" />
        <source>Matures today</source>
        <translation>今天到期</translation>
    </message>
    <message>
        <location line="+1" />
        <source>yes</source>
        <translation>同意</translation>
    </message>
    <message>
        <location line="+0" />
        <source>opted out</source>
        <translation>已拒绝营销</translation>
    </message>
</context>
<context>
    <name>CallListPanel</name>
    <message>
        <location line="+84" />
        <source>Call list</source>
        <translation>到期回访名单</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Deposits maturing within</source>
        <translation>到期范围：定期存款</translation>
    </message>
    <message>
        <location line="+1" />
        <source> days</source>
        <translation> 天内</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Show phone number…</source>
        <translation>查看完整手机号…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Call result:</source>
        <translation>致电结果：</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Not done: %1</source>
        <translation>未完成：%1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Not done: the store could not be reached. Please try again.</source>
        <translation>未完成：无法连接数据库，请重试。</translation>
    </message>
    <message numerus="yes">
        <location line="+23" />
        <source>%n deposit(s) to call about</source>
        <translation>
            <numerusform>%n 笔到期存款待回访</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2" />
        <source>%n appointment reminder(s) for tomorrow</source>
        <translation>
            <numerusform>明天 %n 个预约待提醒</numerusform>
        </translation>
    </message>
    <message>
        <location line="+37" />
        <source>Phone number shown; the view is in the audit log.</source>
        <translation>已显示完整手机号；本次查看已记入审计日志。</translation>
    </message>
    <message>
        <location line="+44" />
        <source>Booked %1 at %2; call recorded.</source>
        <translation>已为 %1 预约 %2；致电结果已记录。</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Call recorded: %1</source>
        <translation>致电结果已记录：%1</translation>
    </message>
<message>
        <source>No deposits mature in this time</source>
        <translation>此期间没有到期的定期存款</translation>
    </message>
    <message>
        <source>Only the %1 largest are listed: shorten the window to see the others.</source>
        <translation>仅列出金额最大的 %1 笔：缩短到期范围可查看其余存款。</translation>
    </message>
</context>
<context>
    <name>CrossSellReport</name>
    <message>
        <location filename="../../ui/reports/crosssell_texts.py" line="+11" />
        <source>Cross-sell conversion</source>
        <translation>交叉销售转化情况</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Grouped by</source>
        <translation>统计维度</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Key</source>
        <comment>the rule, teller, tier or week a line is about</comment>
        <translation>项目</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Offered</source>
        <comment>prompts put to the customer</comment>
        <translation>已推荐</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Interested</source>
        <translation>有意向</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Accepted</source>
        <translation>已成交</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Declined</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Referred</source>
        <comment>handed to a relationship manager</comment>
        <translation>转客户经理</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Not offered</source>
        <translation>未推荐</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Conversion</source>
        <comment>accepted out of offered</comment>
        <translation>转化率</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Rule</source>
        <comment>a cross-sell rule</comment>
        <translation>规则</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Teller</source>
        <translation>柜员</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Tier</source>
        <comment>customer tier by assets</comment>
        <translation>客户等级</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Week</source>
        <translation>周</translation>
    </message>
</context>
<context>
    <name>FollowUpsModel</name>
    <message>
        <location filename="../../ui/supervisor/follow_ups_panel.py" line="+53" />
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location line="+1" />
        <source>When</source>
        <translation>时限</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Customer number</source>
        <translation>客户号</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message numerus="yes">
        <location line="+5" />
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>已逾期 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2" />
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message numerus="yes">
        <location line="+1" />
        <source>in %n day(s)</source>
        <translation>
            <numerusform>%n 天后</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FollowUpsPanel</name>
    <message>
        <location line="+101" />
        <source>Follow-ups</source>
        <translation>客户跟进</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Due within</source>
        <translation>到期范围</translation>
    </message>
    <message>
        <location line="+1" />
        <source> days</source>
        <translation> 天内</translation>
    </message>
    <message>
        <location line="+1" />
        <source>today and overdue</source>
        <translation>今天及已逾期</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Mark done…</source>
        <translation>标记完成…</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+9" />
        <source>Everyone</source>
        <translation>全部人员</translation>
    </message>
    <message numerus="yes">
        <location line="+17" />
        <source>%n follow-up(s) listed</source>
        <translation>
            <numerusform>共 %n 条跟进</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1" />
        <source>overdue: %1</source>
        <translation>已逾期：%1</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Not done: %1</source>
        <translation>未完成：%1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Not done: the store could not be reached. Please try again.</source>
        <translation>未完成：无法连接数据库，请重试。</translation>
    </message>
    <message>
        <location line="+22" />
        <source>Follow-up marked done.</source>
        <translation>跟进已标记为完成。</translation>
    </message>
<message>
        <source>No follow-ups due in this time</source>
        <translation>此期间没有到期的客户跟进</translation>
    </message>
    <message>
        <source>Only the %1 most overdue of %2 are listed: choose fewer days or one owner to see the others.</source>
        <translation>共 %2 条，仅列出逾期最久的 %1 条：减少天数或选择一位负责人可查看其余跟进。</translation>
    </message>
</context>
<context>
    <name>MarketingPanel</name>
    <message>
        <location filename="../../ui/reports/marketing_panel.py" line="+121" />
        <source>Marketing</source>
        <translation>营销分析</translation>
    </message>
    <message>
        <location line="+4" />
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location line="+1" />
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Show</source>
        <translation>查询</translation>
    </message>
    <message>
        <location line="+12" />
        <source>The period ends before it starts.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Not done: %1</source>
        <translation>未完成：%1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Not done: the store could not be reached. Please try again.</source>
        <translation>未完成：无法连接数据库，请重试。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Prompts offered and accepted by %1</source>
        <translation>按%1统计的推荐次数与成交次数</translation>
    </message>
    <message>
        <location line="+13" />
        <source>%1 offered, %2 interested, %3 accepted, %4 declined; conversion %5</source>
        <translation>推荐 %1 次，有意向 %2 次，成交 %3 次，拒绝 %4 次；转化率 %5</translation>
    </message>
<message>
        <source>No cross-sell prompts in the chosen period</source>
        <translation>所选期间没有交叉销售提示</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <location filename="../../ui/station/note_dialog.py" line="+48" />
        <source>Follow-up for %1</source>
        <translation>%1 的跟进计划</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Note on %1</source>
        <translation>%1 的客户备注</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+6" />
        <source>What the customer wants, and what to do next</source>
        <translation>客户的需求，以及下一步要做什么</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Note for colleagues</source>
        <translation>给同事的备注</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Due on</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Please write the note.</source>
        <translation>请填写备注内容。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>At most %1 characters, please.</source>
        <translation>最多 %1 个字符。</translation>
    </message>
</context>
<context>
    <name>ResultDialog</name>
    <message>
        <location filename="../../ui/supervisor/follow_ups_panel.py" line="-142" />
        <source>Follow-up done</source>
        <translation>跟进完成</translation>
    </message>
    <message>
        <location line="+9" />
        <source>What came of it, e.g. renewed for 12 months</source>
        <translation>跟进结果，例如：已续存 12 个月</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Mark done</source>
        <translation>标记完成</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Please say in a few words what came of it.</source>
        <translation>请简要填写跟进结果。</translation>
    </message>
</context>
<context>
    <name>RevealDialog</name>
    <message>
        <location filename="../../ui/supervisor/call_list_dialogs.py" line="+12" />
        <source>Show phone number</source>
        <translation>查看完整手机号</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Why do you need the full number of %1? It is written to the audit log.</source>
        <translation>为什么需要查看 %1 的完整号码？此操作将记入审计日志。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Maturity call</source>
        <translation>存款到期回访</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Show</source>
        <translation>查看</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Please give a reason of at least %1 characters.</source>
        <translation>请填写至少 %1 个字符的理由。</translation>
    </message>
</context>
<context>
    <name>AddStaffDialog</name>
    <message>
        <location filename="../../ui/admin/dialogs.py" line="+94" />
        <source>Add staff account</source>
        <translation>添加员工账户</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Staff ID</source>
        <translation>员工号</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="+1" />
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Tellers: 4 to 12 digits. Supervisors and administrators: 6 to 12.</source>
        <translation>柜员：4 至 12 位数字。主管和管理员：6 至 12 位。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Add</source>
        <translation>添加</translation>
    </message>
</context>
<context>
    <name>AdminDialogs</name>
    <message>
        <location line="-71" />
        <source>Teller</source>
        <comment>staff role</comment>
        <translation>柜员</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Supervisor</source>
        <comment>staff role</comment>
        <translation>主管</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Administrator</source>
        <comment>staff role</comment>
        <translation>管理员</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The two PINs differ.</source>
        <translation>两次输入的 PIN 码不一致。</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+26" />
        <source>PIN again</source>
        <translation>再次输入 PIN 码</translation>
    </message>
</context>
<context>
    <name>AdminErrors</name>
    <message>
        <location filename="../../ui/admin/errors.py" line="+14" />
        <source>The staff ID</source>
        <translation>员工号</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The counter ID</source>
        <translation>窗口编号</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The counter name</source>
        <translation>窗口名称</translation>
    </message>
    <message>
        <location line="+12" />
        <source>%1 was refused: use 1 to %2 characters, without control or direction characters.</source>
        <translation>%1未被接受：请使用 1 至 %2 个字符，不含控制字符或方向字符。</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Not changed: this role's PIN must be %1 to %2 digits.</source>
        <translation>未更改：该角色的 PIN 码须为 %1 至 %2 位数字。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Not changed: the new role needs a PIN of at least %1 digits. Enter a new PIN with it.</source>
        <translation>未更改：新角色的 PIN 码至少须为 %1 位。请同时输入新的 PIN 码。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Not changed: the branch must keep at least one active administrator.</source>
        <translation>未更改：网点必须至少保留一名在用的管理员。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>This staff account does not exist.</source>
        <translation>该员工账户不存在。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Not changed: your account may not do this any more. Sign in again.</source>
        <translation>未更改：您的账户已无权执行此操作。请重新登录。</translation>
    </message>
</context>
<context>
    <name>AdminSignIn</name>
    <message>
        <location filename="../../ui/admin/signin.py" line="+21" />
        <source>Administrator sign-in</source>
        <translation>管理员登录</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Staff ID</source>
        <translation>员工号</translation>
    </message>
    <message>
        <location line="+1" />
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Unknown staff ID or wrong PIN.</source>
        <translation>员工号不存在或 PIN 码错误。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Only administrators may use the Administration screen.</source>
        <translation>只有管理员可以使用系统管理界面。</translation>
    </message>
</context>
<context>
    <name>AdminWindow</name>
    <message>
        <location filename="../../ui/admin/window.py" line="+66" />
        <source>Counterline administration · %1</source>
        <translation>Counterline 系统管理 · %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Administration · %1</source>
        <translation>系统管理 · %1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Signed in as %1, %2</source>
        <translation>当前登录：%1，%2</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>CounterDialog</name>
    <message>
        <location line="+0" />
        <source>New counter</source>
        <translation>新窗口</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Counter ID</source>
        <translation>窗口编号</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Services and precedence (1 = first, 4 = only when nothing better waits)</source>
        <translation>业务及优先级（1 = 最先，4 = 仅在无其他客户时）</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Precedence of %1</source>
        <translation>%1 的优先级</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Choose at least one service for the counter.</source>
        <translation>请为窗口至少选择一项业务。</translation>
    </message>
</context>
<context>
    <name>CountersModel</name>
    <message>
        <location filename="../../ui/admin/counters_tab.py" line="+46" />
        <source>Counter ID</source>
        <translation>窗口编号</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Services (precedence)</source>
        <translation>业务（优先级）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Transaction types</source>
        <translation>交易类型</translation>
    </message>
</context>
<context>
    <name>CountersPanel</name>
    <message>
        <location line="+67" />
        <location line="+7" />
        <source>Counters</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location line="-4" />
        <source>Add counter…</source>
        <translation>添加窗口…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Change services…</source>
        <translation>更改业务…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Adds a counter with the services it takes</source>
        <translation>添加一个窗口及其办理的业务</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Changes the chosen counter's name and services</source>
        <translation>更改所选窗口的名称和业务</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The branch's counters and the services each takes</source>
        <translation>本网点的窗口及各窗口办理的业务</translation>
    </message>
    <message>
        <location line="+2" />
        <source>A counter's transaction types are those of the services it takes; edit them under Settings.</source>
        <translation>窗口的交易类型即其办理业务的交易类型；请在“设置”中编辑。</translation>
    </message>
    <message>
        <location line="+48" />
        <source>Counter %1 exists already: choose it in the list to change it.</source>
        <translation>%1 号窗口已存在：请在列表中选中它进行更改。</translation>
    </message>
    <message>
        <source>%1 saved.</source>
        <comment>a counter</comment>
        <translation>%1：已保存。</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <location filename="../../ui/admin/dialogs.py" line="-71" />
        <source>Reset PIN of %1</source>
        <translation>重置 %1 的 PIN 码</translation>
    </message>
    <message>
        <location line="+1" />
        <source>New PIN</source>
        <translation>新 PIN 码</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reset PIN</source>
        <translation>重置 PIN 码</translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <location filename="../../ui/admin/dialogs.py" line="+15" />
        <source>Change role of %1</source>
        <translation>更改 %1 的角色</translation>
    </message>
    <message>
        <location line="+5" />
        <source>New role</source>
        <translation>新角色</translation>
    </message>
    <message>
        <location line="+1" />
        <source>New PIN</source>
        <translation>新 PIN 码</translation>
    </message>
    <message>
        <location line="+1" />
        <source>A new PIN is needed only when the new role needs a longer one.</source>
        <translation>仅当新角色要求更长的 PIN 码时才需要新 PIN 码。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Change role</source>
        <translation>更改角色</translation>
    </message>
</context>
<context>
    <name>StaffModel</name>
    <message>
        <location filename="../../ui/admin/staff_tab.py" line="+50" />
        <source>Staff ID</source>
        <translation>员工号</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Active</source>
        <translation>在用</translation>
    </message>
    <message>
        <location line="+0" />
        <location line="+8" />
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location line="-1" />
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+0" />
        <source>No, deactivated</source>
        <translation>否，已停用</translation>
    </message>
</context>
<context>
    <name>StaffPanel</name>
    <message>
        <location line="+59" />
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Adds a staff account with its role and PIN</source>
        <translation>添加员工账户及其角色和 PIN 码</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+47" />
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <location line="-47" />
        <source>A leaver: the account can no longer sign in</source>
        <translation>离职人员：该账户将无法再登录</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reactivate</source>
        <translation>重新启用</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Lets a deactivated account sign in again</source>
        <translation>让已停用的账户可以重新登录</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reset PIN…</source>
        <translation>重置 PIN 码…</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Gives the account a new PIN and lifts its lock</source>
        <translation>为账户设置新 PIN 码并解除锁定</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Change role…</source>
        <translation>更改角色…</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Makes the account a teller, supervisor or administrator</source>
        <translation>将账户设为柜员、主管或管理员</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Lifts the lock after too many wrong PINs</source>
        <translation>解除因 PIN 码错误次数过多造成的锁定</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Staff accounts</source>
        <translation>员工账户</translation>
    </message>
    <message>
        <location line="+0" />
        <source>The branch's staff accounts; choose one to change</source>
        <translation>本网点的员工账户；选中一个进行更改</translation>
    </message>
    <message>
        <location line="+54" />
        <source>Deactivate %1? The account can no longer sign in.</source>
        <translation>停用 %1？该账户将无法再登录。</translation>
    </message>
    <message>
        <location line="+22" />
        <source>Staff ID %1 exists already: choose it in the list to change it.</source>
        <translation>员工号 %1 已存在：请在列表中选中它进行更改。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Account %1 added.</source>
        <translation>已添加账户 %1。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Account %1 deactivated.</source>
        <translation>已停用账户 %1。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Account %1 reactivated.</source>
        <translation>已重新启用账户 %1。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>New PIN set for %1.</source>
        <translation>已为 %1 设置新 PIN 码。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Role of %1 changed.</source>
        <translation>已更改 %1 的角色。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Account %1 unlocked.</source>
        <translation>已解锁账户 %1。</translation>
    </message>
</context>
<context>
    <name>BreakDialog</name>
    <message>
        <source>Set a break</source>
        <translation>安排休息</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Teller</source>
        <translation>柜员</translation>
    </message>
    <message>
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>This replaces the teller's break from the rota on that day.</source>
        <translation>这将替换该柜员当天排班表中的休息。</translation>
    </message>
    <message>
        <source>Set break</source>
        <translation>确定休息</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>BreaksModel</name>
    <message>
        <source>Teller</source>
        <translation>柜员</translation>
    </message>
    <message>
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>To</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>Set by</source>
        <translation>安排人</translation>
    </message>
    <message>
        <source>Rota (staffing.toml)</source>
        <translation>排班表（staffing.toml）</translation>
    </message>
</context>
<context>
    <name>BreaksPanel</name>
    <message>
        <source>Breaks on</source>
        <translation>休息安排，日期</translation>
    </message>
    <message>
        <source>Set or move a break…</source>
        <translation>安排或调整休息…</translation>
    </message>
    <message>
        <source>Cancel break</source>
        <translation>取消休息</translation>
    </message>
    <message>
        <source>Not done: %1</source>
        <translation>未完成：%1</translation>
    </message>
    <message>
        <source>Not done: the store could not be reached. Please try again.</source>
        <translation>未完成：无法连接数据库，请重试。</translation>
    </message>
    <message>
        <source>Break set.</source>
        <translation>休息已安排。</translation>
    </message>
    <message>
        <source>Break cancelled.</source>
        <translation>休息已取消。</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <source>Approve short visit</source>
        <translation>批准短时业务</translation>
    </message>
    <message>
        <source>Reject short visit</source>
        <translation>驳回短时业务</translation>
    </message>
    <message>
        <source>Ticket %1: served in %2 s, minimum %3 s, %4 unit(s).</source>
        <translation>号码 %1：办理用时 %2 秒，最短 %3 秒，当量 %4。</translation>
    </message>
    <message>
        <source>Why, e.g. the customer had the form filled in</source>
        <translation>原因，例如客户已提前填好单据</translation>
    </message>
    <message>
        <source>Approve: pay the units</source>
        <translation>批准：计发当量</translation>
    </message>
    <message>
        <source>Reject: no units</source>
        <translation>驳回：不计当量</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Please say why the visit is not paid.</source>
        <translation>请说明不计发的原因。</translation>
    </message>
</context>
<context>
    <name>PayStatement</name>
    <message>
        <source>Piece-rate pay statement</source>
        <translation>计件工资结算单</translation>
    </message>
    <message>
        <source>Teller %1 · ID %2</source>
        <translation>柜员 %1 · 工号 %2</translation>
    </message>
    <message>
        <source>Units by transaction type</source>
        <translation>按交易类型的当量</translation>
    </message>
    <message>
        <source>Transaction type</source>
        <translation>交易类型</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>笔数</translation>
    </message>
    <message>
        <source>Units each</source>
        <translation>每笔当量</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>当量</translation>
    </message>
    <message>
        <source>No paid transactions in the period</source>
        <translation>本期无计发交易</translation>
    </message>
    <message>
        <source>Pay breakdown</source>
        <translation>工资明细</translation>
    </message>
    <message>
        <source>Standard units (count × units, above)</source>
        <translation>标准当量（笔数 × 每笔当量，见上表）</translation>
    </message>
    <message>
        <source>of which approved short visits: %1</source>
        <translation>其中经批准的短时业务：%1 笔</translation>
    </message>
    <message>
        <source>Short visits not paid (awaiting review or rejected): %1</source>
        <translation>未计发的短时业务（待审核或已驳回）：%1 笔</translation>
    </message>
    <message>
        <source>Quality bonus</source>
        <translation>质量奖励</translation>
    </message>
    <message>
        <source>Quality deductions (%1 minor, %2 major errors, %3 complaints)</source>
        <translation>质量扣减（一般差错 %1 次，重大差错 %2 次，投诉 %3 次）</translation>
    </message>
    <message>
        <source>Cross-sell credit (%1 accepted)</source>
        <translation>交叉营销奖励（成交 %1 笔）</translation>
    </message>
    <message>
        <source>Net units</source>
        <translation>净量</translation>
    </message>
    <message>
        <source>Target units for the period</source>
        <translation>本期目标当量</translation>
    </message>
    <message>
        <source>Attainment</source>
        <translation>完成率</translation>
    </message>
    <message>
        <source>Piece-rate pay</source>
        <translation>计件工资</translation>
    </message>
    <message>
        <source>Teller</source>
        <translation>柜员</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
</context>
<context>
    <name>ShortVisitsModel</name>
    <message>
        <source>Finished</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>号码</translation>
    </message>
    <message>
        <source>Teller</source>
        <translation>柜员</translation>
    </message>
    <message>
        <source>Transactions</source>
        <translation>交易</translation>
    </message>
    <message>
        <source>Service (s)</source>
        <translation>办理用时（秒）</translation>
    </message>
    <message>
        <source>Minimum (s)</source>
        <translation>最短用时（秒）</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>当量</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>审核结果</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>审核人</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Awaiting review</source>
        <translation>待审核</translation>
    </message>
    <message>
        <source>Approved: paid</source>
        <translation>已批准：计发</translation>
    </message>
    <message>
        <source>Rejected: not paid</source>
        <translation>已驳回：不计发</translation>
    </message>
</context>
<context>
    <name>ShortVisitsPanel</name>
    <message>
        <source>Short visits</source>
        <translation>短时业务</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Approve…</source>
        <translation>批准…</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>驳回…</translation>
    </message>
    <message>
        <source>Visits finished faster than the minimum service time of their transactions earn no units until a supervisor approves them. Nobody reviews their own visits.</source>
        <translation>办理用时短于其交易最短办理时间的业务，须经主管批准后才计当量。任何人不得审核自己办理的业务。</translation>
    </message>
    <message numerus="yes">
        <source>%n short visit(s) listed</source>
        <translation>
            <numerusform>共 %n 笔短时业务</numerusform>
        </translation>
    </message>
    <message>
        <source>awaiting review: %1</source>
        <translation>待审核：%1</translation>
    </message>
    <message>
        <source>Not done: %1</source>
        <translation>未完成：%1</translation>
    </message>
    <message>
        <source>Not done: the store could not be reached. Please try again.</source>
        <translation>未完成：无法连接数据库，请重试。</translation>
    </message>
    <message>
        <source>Ticket %1 approved: its units are paid.</source>
        <translation>号码 %1 已批准：计发当量。</translation>
    </message>
    <message>
        <source>Ticket %1 rejected: no units.</source>
        <translation>号码 %1 已驳回：不计当量。</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
</context>
<context>
    <name>KioskGuide</name>
    <message>
        <source>Key %1: %2</source>
        <translation>按 %1 键：%2</translation>
    </message>
</context>
<context>
    <name>Refusals</name>
    <message>
        <source>This service does not exist.</source>
        <translation>该业务不存在。</translation>
    </message>
    <message>
        <source>This service does not take appointments.</source>
        <translation>该业务不接受预约。</translation>
    </message>
    <message>
        <source>An appointment lasts 1 to %1 minutes.</source>
        <translation>预约时长为 1 至 %1 分钟。</translation>
    </message>
    <message>
        <source>Appointments start every %1 minutes: choose a time on that grid.</source>
        <translation>预约每 %1 分钟为一个时段：请选择时段的开始时间。</translation>
    </message>
    <message>
        <source>%1 is in the past.</source>
        <translation>%1 已经过去。</translation>
    </message>
    <message>
        <source>Appointments can be booked up to %1 days ahead (the last bookable day is %2).</source>
        <translation>最多可提前 %1 天预约（最后可预约日为 %2）。</translation>
    </message>
    <message>
        <source>The branch is closed on %1.</source>
        <translation>网点 %1 不营业。</translation>
    </message>
    <message>
        <source>%1 does not exist on the branch's clock: the clocks go forward then.</source>
        <translation>网点时间中没有 %1：此时时钟向前调整。</translation>
    </message>
    <message>
        <source>%1 to %2 is outside the opening hours (%3 to %4).</source>
        <translation>%1 至 %2 不在营业时间内（%3 至 %4）。</translation>
    </message>
    <message>
        <source>%1 is fully booked for this service.</source>
        <translation>该业务 %1 的预约已满。</translation>
    </message>
    <message>
        <source>No counter serves this service, so it cannot be booked.</source>
        <translation>没有窗口办理该业务，无法预约。</translation>
    </message>
    <message>
        <source>This customer already has an appointment at %1.</source>
        <translation>该客户在 %1 已有预约。</translation>
    </message>
    <message>
        <source>This appointment can be checked in from %1 to %2 only.</source>
        <translation>该预约只能在 %1 至 %2 之间签到。</translation>
    </message>
    <message>
        <source>The note was refused: it is too long or holds characters that are not allowed.</source>
        <translation>备注未被接受：过长或含有不允许的字符。</translation>
    </message>
    <message>
        <source>This appointment is no longer booked: it was checked in, cancelled or missed.</source>
        <translation>该预约已不在待到状态：已签到、已取消或未到。</translation>
    </message>
    <message>
        <source>The next action date is in the past.</source>
        <translation>下次行动日期已经过去。</translation>
    </message>
    <message>
        <source>A follow-up with an owner needs a next action date.</source>
        <translation>指定了负责人的客户跟进需要下次行动日期。</translation>
    </message>
    <message>
        <source>The number of days cannot be negative.</source>
        <translation>天数不能为负数。</translation>
    </message>
    <message>
        <source>Choose 0 to %1 days.</source>
        <translation>请选择 0 至 %1 天。</translation>
    </message>
    <message>
        <source>Write a result of at least %1 characters.</source>
        <translation>请填写至少 %1 个字符的结果。</translation>
    </message>
    <message>
        <source>This note plans no action, so there is nothing to mark done.</source>
        <translation>该备注没有计划的行动，无需标记完成。</translation>
    </message>
    <message>
        <source>This follow-up is already done.</source>
        <translation>该客户跟进已完成。</translation>
    </message>
    <message>
        <source>The owner must be an active staff member of this branch.</source>
        <translation>负责人必须是本网点在职员工。</translation>
    </message>
    <message>
        <source>This deposit is not this customer's.</source>
        <translation>该存款不属于此客户。</translation>
    </message>
    <message>
        <source>This appointment was not found.</source>
        <translation>未找到该预约。</translation>
    </message>
    <message>
        <source>This follow-up was not found.</source>
        <translation>未找到该客户跟进。</translation>
    </message>
    <message>
        <source>The next free time is %1.</source>
        <translation>下一个可预约时间为 %1。</translation>
    </message>
    <message>
        <source>No time is free within %1 days.</source>
        <translation>%1 天内没有可预约的时间。</translation>
    </message>
</context>
<context>
    <name>SupervisorFailures</name>
    <message>
        <location filename="../../ui/supervisor/failures.py" line="+24" />
        <source>Unexpected error (%1); it was logged.</source>
        <translation>意外错误（%1），已记入日志。</translation>
    </message>
    <message>
        <location line="+10" />
        <source>The branch server cannot be reached. Nothing was changed; the screen tries again.</source>
        <translation>无法连接网点服务器。未做任何更改，屏幕会再次尝试。</translation>
    </message>
    <message>
        <location line="+10" />
        <source>The branch server did not answer. The action may have been saved: check the screen after its next refresh before you repeat it.</source>
        <translation>网点服务器没有应答。该操作可能已经保存：请在屏幕下次刷新后查看，再决定是否重做。</translation>
    </message>
    <message>
        <location line="+10" />
        <source>The branch database refused the action. Nothing was changed.</source>
        <translation>网点数据库拒绝了该操作。未做任何更改。</translation>
    </message>
    <message>
        <location line="-10" />
        <source>The branch database cannot be read: %1. Nothing was changed.</source>
        <translation>无法读取网点数据库：%1。未做任何更改。</translation>
    </message>
</context>
<context>
    <name>ConflictText</name>
    <message>
        <source>Called at %1 while the ticket was at %3 (%2)</source>
        <translation>在 %1 叫号时，该号码已在 %3（%2）</translation>
    </message>
    <message>
        <source>Called at %1 while the ticket was no longer waiting (%2)</source>
        <translation>在 %1 叫号时，该号码已不在等候（%2）</translation>
    </message>
    <message>
        <source>%1 at %2 after the ticket was closed (%3)</source>
        <translation>号码已结束（%3）后，%2 仍记录了“%1”</translation>
    </message>
    <message>
        <source>%1 after the ticket was closed (%2)</source>
        <translation>号码已结束（%2）后仍记录了“%1”</translation>
    </message>
    <message>
        <source>%1 at %2 while the ticket is held by %3</source>
        <translation>%2 记录了“%1”，而该号码正由 %3 办理</translation>
    </message>
    <message>
        <source>Called at %1 while %2 was still at that counter: the called ticket kept waiting</source>
        <translation>在 %1 叫号时，%2 仍在该窗口：所叫号码继续等候</translation>
    </message>
    <message>
        <source>%1 at %2 while the ticket was at no counter (%3)</source>
        <translation>号码不在任何窗口（%3）时，%2 记录了“%1”</translation>
    </message>
    <message>
        <source>Moved by a supervisor while the ticket was no longer waiting (%1)</source>
        <translation>主管改派号码时，该号码已不在等候（%1）</translation>
    </message>
    <message>
        <source>Issued again as %1; the first number, %2, stands</source>
        <translation>再次发放为 %1；以第一个号码 %2 为准</translation>
    </message>
    <message>
        <source>Number %1 issued twice</source>
        <translation>号码 %1 被发放了两次</translation>
    </message>
    <message>
        <source>%1 for a ticket not issued here</source>
        <translation>“%1”所指的号码不是在此发放的</translation>
    </message>
    <message>
        <source>Teller %1 signed in at %2 on station %3 at %4 while teller %5 was signed in there on station %6 since %7</source>
        <translation>柜员 %1 于 %4 在工作站 %3 登录 %2，而柜员 %5 自 %7 起已在工作站 %6 登录该窗口</translation>
    </message>
    <message>
        <source>Teller %1 signed in at %2 on station %3 at %4 while already signed in at %5 on station %6 since %7</source>
        <translation>柜员 %1 于 %4 在工作站 %3 登录 %2，而其自 %7 起已在工作站 %6 登录 %5</translation>
    </message>
    <message>
        <source>%1 cancelled this break on station %2 at %3, after %4 had moved or cancelled it on station %5 at %6: the first change stands and this one did nothing</source>
        <translation>%1 于 %3 在终端 %2 取消了此休息，但 %4 已于 %6 在终端 %5 调整或取消了它：以先做的更改为准，此次取消无效</translation>
    </message>
    <message>
        <source>%1 moved this break on station %2 at %3, after %4 had moved or cancelled it on station %5 at %6: the first change stands and this move did nothing</source>
        <translation>%1 于 %3 在终端 %2 调整了此休息，但 %4 已于 %6 在终端 %5 调整或取消了它：以先做的更改为准，此次调整无效</translation>
    </message>
    <message>
        <source>Break of %1</source>
        <translation>%1 的休息</translation>
    </message>
    <message>
        <source>Break %1</source>
        <translation>休息 %1</translation>
    </message>
    <message>
        <source>Flagged as a conflict; compare the facts</source>
        <translation>已标记为冲突，请核对记录</translation>
    </message>
</context>
<context>
    <name>RefusalText</name>
    <message>
        <source>A text in it holds a character the branch server cannot store</source>
        <translation>其中的文字含有网点服务器无法保存的字符</translation>
    </message>
    <message>
        <source>A text in it is longer than the branch server allows</source>
        <translation>其中的文字超过网点服务器允许的长度</translation>
    </message>
    <message>
        <source>A value in it is one the branch server cannot take</source>
        <translation>其中有网点服务器无法接受的值</translation>
    </message>
    <message>
        <source>It breaks a rule of the branch server's data (a value used twice, or one missing)</source>
        <translation>违反网点服务器的数据规则（某个值重复使用，或缺少某个值）</translation>
    </message>
    <message>
        <source>The branch server refused it</source>
        <translation>网点服务器拒收</translation>
    </message>
</context>
</TS>