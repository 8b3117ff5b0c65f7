<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR" sourcelanguage="en">
<context>
    <name>Common</name>
    <message>
        <location filename="../../ui/common_strings.py" line="+20"/>
        <source>Regular</source>
        <comment>priority class</comment>
        <translation>일반</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VIP</source>
        <comment>priority class</comment>
        <translation>VIP 고객</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Elderly / disabled / pregnant</source>
        <comment>priority class</comment>
        <translation>노약자 / 장애인 / 임산부</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appointment</source>
        <comment>priority class</comment>
        <translation>예약</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting</source>
        <comment>ticket status</comment>
        <translation>대기 중</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Called</source>
        <comment>ticket status</comment>
        <translation>호출됨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Serving</source>
        <comment>ticket status</comment>
        <translation>업무 처리 중</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parked</source>
        <comment>ticket status: set aside, customer comes back later</comment>
        <translation>보류</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Done</source>
        <comment>ticket status</comment>
        <translation>완료</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No-show</source>
        <comment>ticket status: customer did not come when called</comment>
        <translation>부재</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open</source>
        <comment>counter state</comment>
        <translation>운영 중</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paused</source>
        <comment>counter state</comment>
        <translation>일시 중지</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <comment>counter state</comment>
        <translation>마감</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lunch</source>
        <comment>pause reason</comment>
        <translation>점심시간</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Break</source>
        <comment>pause reason: a short rest</comment>
        <translation>휴식</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back office</source>
        <comment>pause reason: paperwork away from customers</comment>
        <translation>내부 업무</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Other</source>
        <comment>pause reason</comment>
        <translation>기타</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Online</source>
        <comment>connection to the branch server</comment>
        <translation>온라인</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offline</source>
        <comment>connection to the branch server</comment>
        <translation>오프라인</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This service category does not exist.</source>
        <comment>error</comment>
        <translation>존재하지 않는 업무 유형입니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This counter does not exist.</source>
        <comment>error</comment>
        <translation>존재하지 않는 창구입니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This ticket was not found.</source>
        <comment>error</comment>
        <translation>해당 번호표를 찾을 수 없습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No customer is waiting for this counter.</source>
        <comment>error</comment>
        <translation>이 창구에서 대기 중인 고객이 없습니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The ticket or counter is not in a state that allows this action.</source>
        <comment>error</comment>
        <translation>번호표 또는 창구의 현재 상태에서는 이 작업을 할 수 없습니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The counter is closed, paused or still serving another customer.</source>
        <comment>error</comment>
        <translation>창구가 마감 또는 일시 중지 상태이거나 다른 고객을 응대 중입니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This action is not allowed.</source>
        <comment>error</comment>
        <translation>허용되지 않는 작업입니다.</translation>
    </message>
    <message numerus="yes">
        <location line="+47"/>
        <source>%n event(s) waiting to sync</source>
        <comment>offline journal not yet sent upstream</comment>
        <translation>
            <numerusform>동기화 대기 중인 기록 %n건</numerusform>
        </translation>
    </message>
</context>
</TS>
