<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Common</name>
    <message>
        <location filename="../../ui/common_strings.py" line="+20"/>
        <source>Regular</source>
        <comment>priority class</comment>
        <translation>普通</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VIP</source>
        <comment>priority class</comment>
        <translation>贵宾</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Elderly / disabled / pregnant</source>
        <comment>priority class</comment>
        <translation>长者 / 残障人士 / 孕妇</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appointment</source>
        <comment>priority class</comment>
        <translation>预约</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting</source>
        <comment>ticket status</comment>
        <translation>等候中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Called</source>
        <comment>ticket status</comment>
        <translation>已叫号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Serving</source>
        <comment>ticket status</comment>
        <translation>办理中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parked</source>
        <comment>ticket status: set aside, customer comes back later</comment>
        <translation>暂挂</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Done</source>
        <comment>ticket status</comment>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No-show</source>
        <comment>ticket status: customer did not come when called</comment>
        <translation>过号</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open</source>
        <comment>counter state</comment>
        <translation>营业中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paused</source>
        <comment>counter state</comment>
        <translation>暂停服务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <comment>counter state</comment>
        <translation>已关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lunch</source>
        <comment>pause reason</comment>
        <translation>午休</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Break</source>
        <comment>pause reason: a short rest</comment>
        <translation>休息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back office</source>
        <comment>pause reason: paperwork away from customers</comment>
        <translation>后台事务</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Other</source>
        <comment>pause reason</comment>
        <translation>其他</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Online</source>
        <comment>connection to the branch server</comment>
        <translation>在线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offline</source>
        <comment>connection to the branch server</comment>
        <translation>离线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This service category does not exist.</source>
        <comment>error</comment>
        <translation>该业务类型不存在。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This counter does not exist.</source>
        <comment>error</comment>
        <translation>该窗口不存在。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This ticket was not found.</source>
        <comment>error</comment>
        <translation>未找到该号码。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No customer is waiting for this counter.</source>
        <comment>error</comment>
        <translation>本窗口当前没有等候的客户。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The ticket or counter is not in a state that allows this action.</source>
        <comment>error</comment>
        <translation>号码或窗口的当前状态不允许此操作。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The counter is closed, paused or still serving another customer.</source>
        <comment>error</comment>
        <translation>窗口已关闭、暂停服务或仍在为其他客户办理业务。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This action is not allowed.</source>
        <comment>error</comment>
        <translation>不允许此操作。</translation>
    </message>
    <message numerus="yes">
        <location line="+47"/>
        <source>%n event(s) waiting to sync</source>
        <comment>offline journal not yet sent upstream</comment>
        <translation>
            <numerusform>%n 条记录待同步</numerusform>
        </translation>
    </message>
</context>
</TS>
