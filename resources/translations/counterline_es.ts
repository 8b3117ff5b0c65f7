<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES" sourcelanguage="en">
<context>
    <name>Common</name>
    <message>
        <location filename="../../ui/common_strings.py" line="+20"/>
        <source>Regular</source>
        <comment>priority class</comment>
        <translation>General</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VIP</source>
        <comment>priority class</comment>
        <translation>VIP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Elderly / disabled / pregnant</source>
        <comment>priority class</comment>
        <translation>Mayores / personas con discapacidad / embarazadas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appointment</source>
        <comment>priority class</comment>
        <translation>Cita previa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting</source>
        <comment>ticket status</comment>
        <translation>En espera</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Called</source>
        <comment>ticket status</comment>
        <translation>Llamado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Serving</source>
        <comment>ticket status</comment>
        <translation>En atención</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parked</source>
        <comment>ticket status: set aside, customer comes back later</comment>
        <translation>Apartado</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Done</source>
        <comment>ticket status</comment>
        <translation>Finalizado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No-show</source>
        <comment>ticket status: customer did not come when called</comment>
        <translation>No se presentó</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open</source>
        <comment>counter state</comment>
        <translation>Abierta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paused</source>
        <comment>counter state</comment>
        <translation>En pausa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <comment>counter state</comment>
        <translation>Cerrada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lunch</source>
        <comment>pause reason</comment>
        <translation>Almuerzo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Break</source>
        <comment>pause reason: a short rest</comment>
        <translation>Descanso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back office</source>
        <comment>pause reason: paperwork away from customers</comment>
        <translation>Tareas internas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Other</source>
        <comment>pause reason</comment>
        <translation>Otro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Online</source>
        <comment>connection to the branch server</comment>
        <translation>En línea</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offline</source>
        <comment>connection to the branch server</comment>
        <translation>Sin conexión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This service category does not exist.</source>
        <comment>error</comment>
        <translation>Este tipo de servicio no existe.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This counter does not exist.</source>
        <comment>error</comment>
        <translation>Esta ventanilla no existe.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This ticket was not found.</source>
        <comment>error</comment>
        <translation>No se encontró este turno.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No customer is waiting for this counter.</source>
        <comment>error</comment>
        <translation>No hay clientes esperando para esta ventanilla.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The ticket or counter is not in a state that allows this action.</source>
        <comment>error</comment>
        <translation>El estado actual del turno o de la ventanilla no permite esta acción.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The counter is closed, paused or still serving another customer.</source>
        <comment>error</comment>
        <translation>La ventanilla está cerrada, en pausa o atendiendo a otro cliente.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This action is not allowed.</source>
        <comment>error</comment>
        <translation>Esta acción no está permitida.</translation>
    </message>
    <message numerus="yes">
        <location line="+47"/>
        <source>%n event(s) waiting to sync</source>
        <comment>offline journal not yet sent upstream</comment>
        <translation>
            <numerusform>%n registro pendiente de sincronizar</numerusform>
            <numerusform>%n registros pendientes de sincronizar</numerusform>
        </translation>
    </message>
</context>
</TS>
